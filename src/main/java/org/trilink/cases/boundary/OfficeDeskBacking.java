package org.trilink.cases.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trilink.cases.control.Due;
import org.trilink.cases.control.OfficeDesk;
import org.trilink.platform.Configured;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.faces.SignedIn;

/** The home page: what waits for the signed-in person's office. */
@Named("desk")
@RequestScoped
public class OfficeDeskBacking {

    @Inject
    OfficeDesk desk;

    @Inject
    SignedIn me;

    private OfficeDesk.Tray openCases;
    private OfficeDesk.Tray referrals;
    private OfficeDesk.Tray followUps;
    private OfficeDesk.Tray highRisk;
    private OfficeDesk.Counts counts;

    @Inject
    Labels labels;

    @Inject
    Configured configured;

    public OfficeDesk.Counts getCounts() {
        if (counts == null) {
            counts = me.isCaseWorker() ? desk.counts() : new OfficeDesk.Counts(0, 0, 0, 0, 0, 0);
        }
        return counts;
    }

    /** Where an item's deadline or due day stands: late (red), due today, or later (no mark). */
    public String dueClass(OfficeDesk.Item item) {
        return switch (state(item)) {
            case OVERDUE -> "tl-overdue";
            case TODAY -> "tl-due-today";
            case LATER -> "tl-due-later";
        };
    }

    /**
     * The words beside an item: for a referral the time left to decide (or how late it is), for
     * a follow-up visit "overdue" or "due today"; nothing for an item without a date.
     */
    public String dueWords(OfficeDesk.Item item) {
        if (item.deadline() != null) {
            return DueWords.timeLeft(labels, item.deadline(), desk.now(), item.overdue());
        }
        if (item.due() != null) {
            return switch (Due.of(item.due(), desk.today())) {
                case OVERDUE -> labels.text("home.overdue");
                case TODAY -> labels.text("desk.dueToday");
                case LATER -> "";
            };
        }
        return "";
    }

    private Due.State state(OfficeDesk.Item item) {
        if (item.deadline() != null) {
            return item.overdue() ? Due.State.OVERDUE : Due.of(item.deadline(), desk.now(), configured.zone());
        }
        return item.due() == null ? Due.State.LATER : Due.of(item.due(), desk.today());
    }

    public OfficeDesk.Tray getOpenCases() {
        if (openCases == null) {
            openCases = me.isCaseWorker() ? desk.openCases() : empty();
        }
        return openCases;
    }

    public OfficeDesk.Tray getReferrals() {
        if (referrals == null) {
            referrals = me.isCaseWorker() ? desk.referralsWaiting() : empty();
        }
        return referrals;
    }

    public OfficeDesk.Tray getFollowUps() {
        if (followUps == null) {
            followUps = me.isCaseWorker() ? desk.followUpsDue() : empty();
        }
        return followUps;
    }

    public OfficeDesk.Tray getHighRisk() {
        if (highRisk == null) {
            highRisk = me.isCaseWorker() ? desk.highRisk() : empty();
        }
        return highRisk;
    }

    private static OfficeDesk.Tray empty() {
        return new OfficeDesk.Tray(0, java.util.List.of());
    }
}
