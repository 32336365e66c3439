package org.trilink.referrals.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.referrals.control.Referrals;
import org.trilink.referrals.entity.Referral;

/**
 * The referral inbox of the signed-in person's office: cases other offices sent here, overdue
 * ones first; each is accepted, or rejected with a reason.
 */
@Named("inbox")
@ViewScoped
public class ReferralInboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Referrals referrals;

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    private Long rejecting;
    private String reason;

    /** A pending referral as a row, with the number of its case. */
    public record Row(long id, String caseNumber, String fromOfficeCode, String fromPartner, String reason,
                      java.time.OffsetDateTime sentAt, java.time.OffsetDateTime deadline, boolean overdue)
            implements Serializable {
    }

    public List<Row> getPending() {
        if (user.officeCode() == null) {
            return List.of();
        }
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        return referrals.inbox(user.officeCode()).pending().stream()
                .map(r -> new Row(r.id(), referrals.caseNumberOf(r), r.fromOfficeCode(), r.fromPartner(), r.reason(),
                        r.sentAt(), r.deadline(), r.overdue() || r.deadline().isBefore(now)))
                .sorted(Comparator.comparing((Row r) -> !r.overdue()).thenComparing(Row::deadline))
                .toList();
    }

    public void accept(long referralId) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            Referral r = referrals.accept(referralId, null);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("inbox.accepted", referrals.caseNumberOf(r)), null));
        } catch (ProblemException refused) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, labels.text("action.notNow"), null));
        }
        rejecting = null;
    }

    public void startRejecting(long referralId) {
        rejecting = referralId;
        reason = null;
    }

    public void reject() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (reason == null || reason.isBlank()) {
            context.addMessage("inbox:reason", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    labels.text("validation.required"), null));
            context.validationFailed();
            return;
        }
        try {
            referrals.reject(rejecting, null, reason);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, labels.text("inbox.rejected"), null));
            rejecting = null;
        } catch (ProblemException refused) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, labels.text("action.notNow"), null));
        }
    }

    public void cancel() {
        rejecting = null;
    }

    public Long getRejecting() {
        return rejecting;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
