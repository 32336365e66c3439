package org.trilink.cases.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trilink.cases.control.OfficeDesk;
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
