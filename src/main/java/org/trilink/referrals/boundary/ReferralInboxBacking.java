package org.trilink.referrals.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
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
    public record Row(long id, String caseNumber, String fromOfficeCode, String fromPartner, String toOfficeCode,
                      String reason, OffsetDateTime sentAt, OffsetDateTime deadline, boolean overdue)
            implements Serializable {
    }

    /** Which of the office's pending referrals a table lists. */
    private enum Side { TO_US, FROM_US }

    private final WaitingList pending = new WaitingList(Side.TO_US);
    private final WaitingList sent = new WaitingList(Side.FROM_US);
    private String search;

    /**
     * Pending referrals a page at a time with their total, so that a busy office pages through
     * all of them or searches for one and none is cut off unseen: those waiting for this office
     * (soonest deadline, so the overdue, first) or those it sent, waiting for the other office
     * (newest first).
     */
    public class WaitingList extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        private final Side side;

        WaitingList(Side side) {
            this.side = side;
        }

        private Referrals.Listed page(int first, int size) {
            return side == Side.TO_US ? referrals.pending(user.officeCode(), search, first, size)
                    : referrals.sent(user.officeCode(), search, first, size);
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return user.officeCode() == null ? 0 : (int) page(0, 1).total();
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (user.officeCode() == null) {
                setRowCount(0);
                return List.of();
            }
            OffsetDateTime now = OffsetDateTime.now();
            Referrals.Listed page = page(first, pageSize);
            setRowCount((int) page.total());
            return page.items().stream()
                    .map(r -> new Row(r.id(), referrals.caseNumberOf(r), r.fromOfficeCode(), r.fromPartner(),
                            r.toOfficeCode(), r.reason(), r.sentAt(), r.deadline(),
                            r.overdue() || r.deadline().isBefore(now)))
                    .toList();
        }

        @Override
        public String getRowKey(Row row) {
            return Long.toString(row.id());
        }

        @Override
        public Row getRowData(String rowKey) {
            List<Row> rows = getWrappedData();
            return rows == null ? null : rows.stream().filter(r -> Long.toString(r.id()).equals(rowKey))
                    .findFirst().orElse(null);
        }
    }

    /** The time left to decide on a referral, or how late it is. */
    public String timeLeft(Row row) {
        return org.trilink.cases.boundary.DueWords.timeLeft(labels, row.deadline(), OffsetDateTime.now(), row.overdue());
    }

    public WaitingList getPending() {
        return pending;
    }

    public WaitingList getSent() {
        return sent;
    }

    /** The search button: a new search starts on its first page. */
    public void find() {
        for (String table : List.of("inbox:pending", "inbox:sent")) {
            if (FacesContext.getCurrentInstance().getViewRoot().findComponent(table) instanceof DataTable t) {
                t.setFirst(0);
            }
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }

    public void accept(long referralId) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            Referrals.Accepted accepted = referrals.acceptTakingOn(referralId, null);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, labels.text(
                    accepted.caseAccepted() ? "inbox.acceptedAndTakenOn" : "inbox.accepted",
                    referrals.caseNumberOf(accepted.referral())), null));
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
                    labels.text("inbox.reasonRequired"), null));
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
