package org.trilink.cases.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.platform.Configured;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * The intake form (登记). Parties are added and removed in place; the form checks fields as the
 * API does, and {@link CaseIntake#register} applies the domain rules, so none is written twice.
 * After registering, the case page opens, warning if the same parties already have an open case.
 */
@Named("intake")
@ViewScoped
public class CaseIntakeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Field names of the domain's problems, mapped to the form's fields. */
    private static final Map<String, String> FIELDS = Map.of("regionCode", "intake:region",
            "amountInvolved", "intake:amount");

    @Inject
    CaseIntake intake;

    @Inject
    Labels labels;

    @Inject
    Configured configured;

    private MatterKind matterKind = MatterKind.PEOPLES_MEDIATION;
    private Channel channel;
    private DisputeType disputeType;
    private String summary;
    private String regionCode;
    private String address;
    private BigDecimal amountInvolved;
    private Integer peopleInvolved = 2;
    private RiskLevel riskLevel = RiskLevel.LOW;
    private LocalDate occurredOn;
    private final List<PartyForm> parties = new ArrayList<>(List.of(new PartyForm(PartyRole.APPLICANT),
            new PartyForm(PartyRole.RESPONDENT)));

    /**
     * Open cases in which a party being typed in already appears, shown as a warning before
     * saving (the same check the case page repeats after saving, in {@link CaseIntake}).
     */
    public List<String> getSameParties() {
        List<String> ids = parties.stream().map(p -> p.getKind() == PartyKind.ORGANISATION ? p.getCreditCode()
                : p.getIdNumber()).filter(v -> v != null && v.strip().length() == 18).toList();
        return ids.isEmpty() ? List.of() : intake.openCasesWithParties(ids, null);
    }

    /** The warning itself, or null when no open case has these parties. */
    public String getSamePartiesWarning() {
        List<String> same = getSameParties();
        return same.isEmpty() ? null : labels.text("intake.sameParties", String.join(", ", same));
    }

    public void addParty() {
        parties.add(new PartyForm(PartyRole.RESPONDENT));
    }

    public void removeParty(int index) {
        if (index >= 0 && index < parties.size() && parties.size() > 1) {
            parties.remove(index);
        }
    }

    public void register() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!partiesFitTheirKind(context)) {
            return;
        }
        DisputeCase registered;
        try {
            registered = intake.register(new IntakeCommand(matterKind, channel, null, disputeType, summary,
                    regionCode, address, amountInvolved, peopleInvolved == null ? 1 : peopleInvolved, riskLevel,
                    null, occurredOn == null ? null : occurredOn.atStartOfDay(configured.zone()).toOffsetDateTime(),
                    parties.stream().map(PartyForm::toData).toList()));
        } catch (ProblemException refused) {
            show(context, refused.problem());
            return;
        }
        ExternalContext external = context.getExternalContext();
        external.getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                labels.text("intake.registered", registered.caseNumber()), null));
        List<String> sameParties = intake.openCasesWithSameParties(registered);
        if (!sameParties.isEmpty()) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    labels.text("intake.sameParties", String.join(", ", sameParties)), null));
        }
        external.redirect(external.getRequestContextPath() + "/cases/case.xhtml?n="
                + URLEncoder.encode(registered.caseNumber(), StandardCharsets.UTF_8));
    }

    /** A person has a resident ID and no credit code; an organisation the other way round. */
    private boolean partiesFitTheirKind(FacesContext context) {
        boolean fine = true;
        if (occurredOn != null && occurredOn.isAfter(LocalDate.now(configured.zone()))) {
            context.addMessage("intake:occurredOn", error(labels.text("intake.occurredInFuture")));
            fine = false;
        }
        if (parties.stream().noneMatch(p -> p.getRole() == PartyRole.APPLICANT)) {
            context.addMessage(null, error(labels.text("intake.applicantRequired")));
            fine = false;
        }
        for (int i = 0; i < parties.size(); i++) {
            PartyForm p = parties.get(i);
            if (p.getKind() == PartyKind.PERSON && p.getCreditCode() != null) {
                context.addMessage("intake:parties:" + i + ":creditCode", error(labels.text("intake.personNoCreditCode")));
                fine = false;
            }
            if (p.getKind() == PartyKind.ORGANISATION && p.getIdNumber() != null) {
                context.addMessage("intake:parties:" + i + ":idNumber", error(labels.text("intake.organisationNoId")));
                fine = false;
            }
        }
        if (!fine) {
            context.validationFailed();
        }
        return fine;
    }

    private void show(FacesContext context, Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            context.addMessage(null, error(problem.status() == 403 ? labels.text("error.forbidden") : problem.detail()));
        } else {
            for (Problem.FieldError e : problem.errors()) {
                String key = "intake.problem." + e.field();
                String text = labels.text(key);
                context.addMessage(FIELDS.get(e.field()), error(text.equals(key) ? e.message() : text));
            }
        }
        context.validationFailed();
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    /**
     * Required fields are required only when the form is saved, so that adding or removing a
     * party in place never complains about fields not filled in yet.
     */
    public boolean isSaving() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .containsKey("intake:save");
    }

    public List<PartyForm> getParties() {
        return parties;
    }

    public MatterKind getMatterKind() {
        return matterKind;
    }

    public void setMatterKind(MatterKind matterKind) {
        this.matterKind = matterKind;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public DisputeType getDisputeType() {
        return disputeType;
    }

    public void setDisputeType(DisputeType disputeType) {
        this.disputeType = disputeType;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public BigDecimal getAmountInvolved() {
        return amountInvolved;
    }

    public void setAmountInvolved(BigDecimal amountInvolved) {
        this.amountInvolved = amountInvolved;
    }

    public Integer getPeopleInvolved() {
        return peopleInvolved;
    }

    public void setPeopleInvolved(Integer peopleInvolved) {
        this.peopleInvolved = peopleInvolved;
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public void setRiskLevel(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(LocalDate occurredOn) {
        this.occurredOn = occurredOn;
    }
}
