package org.trilink.cases.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseRecords;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.offices.boundary.Places;
import org.trilink.platform.Configured;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * The case page: the case, its parties (masked until someone of an office taking part asks to
 * see them, which is recorded), its history as a timeline, its sessions, referrals and
 * follow-up visits. A case the user may not see is "not found", as in the API.
 */
@Named("casePage")
@ViewScoped
public class CasePageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseOnPage onPage;

    @Inject
    CaseAccess access;

    @Inject
    CaseHistory history;

    @Inject
    CaseRecords records;

    @Inject
    Labels labels;

    @Inject
    Places places;

    @Inject
    Configured configured;

    private String n;
    private boolean missing;
    private boolean revealed;

    /** A party as the page shows it: ID number, phone and address whole only after "show". */
    public record PartyLine(String role, String kind, String name, String idNumber, String creditCode,
                            String phone, String address) {
    }

    /** Runs when the page opens: a case that is not there, or not for this user, is simply not found. */
    public void open() {
        try {
            if (n == null || n.isBlank()) {
                throw ProblemException.notFound("no case number");
            }
            getDispute();
        } catch (ProblemException notVisible) {
            missing = true;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public DisputeCase getDispute() {
        return onPage.get(n);
    }

    public List<PartyLine> getParties() {
        return onPage.memo("parties" + revealed, () -> getDispute().parties().stream().map(this::line).toList());
    }

    private PartyLine line(Party p) {
        return new PartyLine(p.role().name(), p.kind().name(), p.name(),
                revealed ? p.idNumber() : IdentityNumbers.maskId(p.idNumber()), p.creditCode(),
                revealed ? p.phone() : IdentityNumbers.maskPhone(p.phone()),
                revealed ? p.address() : (p.address() == null ? null : "***"));
    }

    /** Staff of an office taking part may see the parties' personal data; the view is recorded. */
    public boolean isMayReveal() {
        return !revealed && onPage.memo("takesPart", () -> access.takesPart(getDispute()));
    }

    public void reveal() {
        revealed = access.revealPersonalData(getDispute(), "PORTAL_CASE_PAGE");
    }

    public List<CaseEvent> getEvents() {
        return onPage.memo("events", () -> history.of(getDispute()));
    }

    /** A history event's change in the page's language; "" for one with nothing to say. */
    public String words(CaseEvent e) {
        return new HistoryWords(labels.bundle(), labels.locale(), configured.zone(), places::office).format(e.change());
    }

    public List<CaseRecords.SessionRow> getSessions() {
        return onPage.memo("sessions", () -> records.sessions(getDispute()));
    }

    public List<CaseRecords.ReferralRow> getReferrals() {
        return onPage.memo("referrals", () -> records.referrals(getDispute()));
    }

    public List<CaseRecords.FollowUpRow> getFollowUps() {
        return onPage.memo("followUps", () -> records.followUps(getDispute()));
    }

    public boolean isMissing() {
        return missing;
    }

    public boolean isRevealed() {
        return revealed;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }
}
