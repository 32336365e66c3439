package org.trilink.cases.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.primefaces.component.datatable.DataTable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.trilink.cases.control.CaseFilter;
import org.trilink.cases.control.CaseQueries;
import org.trilink.cases.control.DeskList;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * The case list: filters above a lazily loaded table. A page change loads one page; the
 * number of matching cases is taken only when the filter changes, and only up to a cap
 * (trilink.portal.list-count-cap): a full count of a million cases costs more than the page.
 */
@Named("caseList")
@ViewScoped
public class CaseListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseQueries queries;

    private CaseStatus status;
    private DisputeType disputeType;
    private Channel channel;
    private String regionCode;
    private String officeCode;
    private LocalDate acceptedFrom;
    private LocalDate acceptedTo;
    private String text;
    private DeskList desk;

    private final Rows rows = new Rows();

    /** A case as a row: masked personal data only, and nothing that holds on to the entity. */
    public record Row(String caseNumber, String registerNumber, CaseStatus status, DisputeType disputeType, Channel channel,
                      String regionCode, String handlingOfficeCode, RiskLevel riskLevel, String summary,
                      OffsetDateTime receivedAt, String parties) implements Serializable {
        static Row of(DisputeCase c) {
            return new Row(c.caseNumber(), c.registerNumber(), c.status(), c.disputeType(), c.channel(), c.regionCode(),
                    c.handlingOfficeCode(), c.riskLevel(),
                    c.summary().length() > 80 ? c.summary().substring(0, 80) + "…" : c.summary(),
                    c.receivedAt(), c.parties().stream().map(Row::masked).collect(Collectors.joining("；")));
        }

        // JavaBean names for the table's sort fields, which PrimeFaces reads by property
        public String getCaseNumber() {
            return caseNumber;
        }

        public String getRegisterNumber() {
            return registerNumber;
        }

        public CaseStatus getStatus() {
            return status;
        }

        public DisputeType getDisputeType() {
            return disputeType;
        }

        public Channel getChannel() {
            return channel;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public String getHandlingOfficeCode() {
            return handlingOfficeCode;
        }

        public RiskLevel getRiskLevel() {
            return riskLevel;
        }

        public OffsetDateTime getReceivedAt() {
            return receivedAt;
        }

        private static String masked(Party p) {
            String phone = IdentityNumbers.maskPhone(p.phone());
            return phone == null ? p.name() : p.name() + " " + phone;
        }
    }

    /** The filter as the form holds it now. */
    CaseFilter filter() {
        return new CaseFilter(status, disputeType, channel, blankToNull(regionCode), blankToNull(officeCode), null,
                acceptedFrom, acceptedTo, blankToNull(text), desk);
    }

    /** The desk's list this one is narrowed to (its code, as the desk's links give it); shown as a chip. */
    public String getDeskCode() {
        return desk == null ? null : desk.code();
    }

    /** From the address: an unknown code is ignored, and the list shows every case the filters allow. */
    public void setDeskCode(String code) {
        DeskList chosen = code == null ? null : DeskList.byCode(code.strip()).orElse(null);
        if (chosen != desk) {
            desk = chosen;
            rows.counted = null;
        }
    }

    public DeskList getDesk() {
        return desk;
    }

    /** The chip's cross: the list is no longer narrowed to the desk's list; the other filters stay. */
    public void clearDesk() {
        desk = null;
        search();
    }

    /** The search button: the next load counts again. */
    public void search() {
        rows.counted = null;
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("cases:table") instanceof DataTable table) {
            table.setFirst(0); // a new filter starts on its first page
        }
    }

    public void clear() {
        status = null;
        disputeType = null;
        channel = null;
        regionCode = null;
        officeCode = null;
        acceptedFrom = null;
        acceptedTo = null;
        text = null;
        desk = null;
        search();
    }

    public class Rows extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        private CaseFilter counted;
        private int count;
        private boolean capped;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            CaseFilter now = filter();
            if (!now.equals(counted)) {
                long upTo = queries.countUpTo(now);
                capped = upTo > queries.countCap();
                count = (int) Math.min(upTo, queries.countCap());
                counted = now;
            }
            return count;
        }

        /** More cases match than the list counts: the page report says "more than" the cap. */
        public boolean isCapped() {
            return capped;
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                    .filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
            return queries.page(filter(), first, pageSize, sort == null ? null : sort.getField(),
                            sort != null && sort.getOrder() == SortOrder.ASCENDING)
                    .stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.caseNumber();
        }

        @Override
        public Row getRowData(String rowKey) {
            List<Row> page = getWrappedData();
            return page == null ? null : page.stream().filter(r -> r.caseNumber().equals(rowKey)).findFirst()
                    .orElse(null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Rows getRows() {
        return rows;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public void setStatus(CaseStatus status) {
        this.status = status;
    }

    public DisputeType getDisputeType() {
        return disputeType;
    }

    public void setDisputeType(DisputeType disputeType) {
        this.disputeType = disputeType;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public void setOfficeCode(String officeCode) {
        this.officeCode = officeCode;
    }

    public LocalDate getAcceptedFrom() {
        return acceptedFrom;
    }

    public void setAcceptedFrom(LocalDate acceptedFrom) {
        this.acceptedFrom = acceptedFrom;
    }

    public LocalDate getAcceptedTo() {
        return acceptedTo;
    }

    public void setAcceptedTo(LocalDate acceptedTo) {
        this.acceptedTo = acceptedTo;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
