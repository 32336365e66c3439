package org.trilink.cases.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A dispute (or an administrative matter) from intake to archive. Its number is what people
 * quote; its version guards against concurrent edits overwriting each other.
 */
@Entity
@Table(name = "dispute_case")
public class DisputeCase {

    @Id
    @SequenceGenerator(name = "case_seq", sequenceName = "case_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_seq")
    private Long id;

    @Column(name = "case_number")
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "matter_kind")
    private MatterKind matterKind;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "intake_mode")
    private IntakeMode intakeMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_type")
    private DisputeType disputeType;

    private String summary;

    @Column(name = "region_code")
    private String regionCode;

    private String address;

    @Column(name = "amount_involved")
    private BigDecimal amountInvolved;

    @Column(name = "people_involved")
    private int peopleInvolved;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    @Column(name = "receiving_office_code")
    private String receivingOfficeCode;

    @Column(name = "handling_office_code")
    private String handlingOfficeCode;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "declined_at")
    private OffsetDateTime declinedAt;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "decline_guidance")
    private String declineGuidance;

    @Column(name = "mediation_started_at")
    private OffsetDateTime mediationStartedAt;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "outcome_at")
    private OffsetDateTime outcomeAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "agreement_form")
    private AgreementForm agreementForm;

    @Column(name = "agreement_terms")
    private String agreementTerms;

    @Column(name = "agreement_amount")
    private BigDecimal agreementAmount;

    @Column(name = "performance_deadline")
    private LocalDate performanceDeadline;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "failure_guidance")
    private String failureGuidance;

    @Column(name = "follow_up_due")
    private LocalDate followUpDue;

    /**
     * The day the follow-up period ends by counting, before a day off moves it on (V20): what a
     * change of the working calendar counts from again. Null for cases concluded before V20.
     */
    @Column(name = "follow_up_counted_due")
    private LocalDate followUpCountedDue;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    /** Set once by the overdue timer when the follow-up fell due without a visit (V3). */
    @Column(name = "follow_up_overdue_at")
    private OffsetDateTime followUpOverdueAt;

    @Column(name = "criminal_case_averted")
    private boolean criminalCaseAverted;

    @Column(name = "mass_petition_averted")
    private boolean massPetitionAverted;

    /** The people kept from a criminal case with the flag; null when not recorded (V22). */
    @Column(name = "criminal_case_averted_people")
    private Integer criminalCaseAvertedPeople;

    /** The people kept from a mass petition with the flag; null when not recorded (V22). */
    @Column(name = "mass_petition_averted_people")
    private Integer massPetitionAvertedPeople;

    @Column(name = "admin_filed_at")
    private OffsetDateTime adminFiledAt;

    @Column(name = "admin_resolution")
    private String adminResolution;

    @Column(name = "admin_resolved_at")
    private OffsetDateTime adminResolvedAt;

    @Column(name = "source_partner")
    private String sourcePartner;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "created_by")
    private String createdBy;

    /** 登记编号: the accepting office's register number, given at acceptance; a ledger's own 编号 kept. */
    @Column(name = "register_number")
    private String registerNumber;

    @Column(name = "register_office_code")
    private String registerOfficeCode;

    /**
     * 文书编号 of the mediation agreement, given when it is first written. Written by its own
     * statement (CaseNumbers), not as a change of the case: numbering a paper leaves the case's
     * version alone, so nobody's open form of the case goes stale.
     */
    @Column(name = "agreement_number", updatable = false)
    private String agreementNumber;

    /** The number the case had in the office's ledger (台账) it was brought in from. */
    @Column(name = "ledger_number")
    private String ledgerNumber;

    @Version
    private long version;

    @OneToMany(mappedBy = "disputeCase", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("ordinal")
    @BatchFetch(BatchFetchType.IN)
    private List<Party> parties = new ArrayList<>();

    protected DisputeCase() {
    }

    /** A newly received case, handled by the office that received it. */
    public DisputeCase(String caseNumber, MatterKind matterKind, Channel channel, IntakeMode intakeMode,
                       DisputeType disputeType, String summary, String regionCode, String address,
                       BigDecimal amountInvolved, int peopleInvolved, RiskLevel riskLevel,
                       String receivingOfficeCode, OffsetDateTime occurredAt, OffsetDateTime receivedAt,
                       String createdBy) {
        this.caseNumber = caseNumber;
        this.matterKind = matterKind;
        this.status = CaseStatus.RECEIVED;
        this.channel = channel;
        this.intakeMode = intakeMode;
        this.disputeType = disputeType;
        this.summary = summary;
        this.regionCode = regionCode;
        this.address = address;
        this.amountInvolved = amountInvolved;
        this.peopleInvolved = peopleInvolved;
        this.riskLevel = riskLevel;
        this.receivingOfficeCode = receivingOfficeCode;
        this.handlingOfficeCode = receivingOfficeCode;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
        this.createdBy = createdBy;
    }

    public void addParty(Party party) {
        party.attach(this, parties.size());
        parties.add(party);
    }

    public void fromPartner(String partnerCode, String partnerExternalId) {
        this.sourcePartner = partnerCode;
        this.externalId = partnerExternalId;
    }

    // --- lifecycle state changes (the workflow rules live in the control layer) ---

    public void moveTo(CaseStatus next) {
        this.status = next;
    }

    public void accept(OffsetDateTime at) {
        this.status = CaseStatus.ACCEPTED;
        this.acceptedAt = at;
    }

    public void decline(OffsetDateTime at, String reason, String guidance) {
        this.status = CaseStatus.DECLINED;
        this.declinedAt = at;
        this.declineReason = reason;
        this.declineGuidance = guidance;
    }

    public void startMediation(OffsetDateTime at) {
        this.status = CaseStatus.IN_MEDIATION;
        this.mediationStartedAt = at;
    }

    public void recordSuccess(OffsetDateTime at, AgreementForm form, String terms, BigDecimal amount,
                              LocalDate deadline, LocalDate followUp) {
        this.status = CaseStatus.CONCLUDED;
        this.outcome = Outcome.SUCCESS;
        this.outcomeAt = at;
        this.agreementForm = form;
        this.agreementTerms = terms;
        this.agreementAmount = amount;
        this.performanceDeadline = deadline;
        this.followUpDue = followUp;
    }

    public void recordFailure(OffsetDateTime at, Outcome how, String reason, String guidance, LocalDate followUp) {
        this.status = CaseStatus.CONCLUDED;
        this.outcome = how;
        this.outcomeAt = at;
        this.failureReason = reason;
        this.failureGuidance = guidance;
        this.followUpDue = followUp;
    }

    public void scheduleFollowUp(LocalDate due) {
        this.followUpDue = due;
    }

    /** The follow-up falls due on {@code due}, the working day on or after {@code counted}, the period's last day. */
    public void scheduleFollowUp(LocalDate counted, LocalDate due) {
        this.followUpCountedDue = counted;
        this.followUpDue = due;
    }

    public void close(OffsetDateTime at) {
        this.status = CaseStatus.CLOSED;
        this.closedAt = at;
    }

    public void handOverTo(String officeCode) {
        this.handlingOfficeCode = officeCode;
    }

    public void changeRisk(RiskLevel level) {
        this.riskLevel = level;
    }

    /** The escalations the dispute was kept from, with their people; refuses a count without its flag. */
    public void markAverted(Averted averted) {
        if (!averted.faults().isEmpty()) {
            throw new IllegalArgumentException("averted escalations: " + averted.faults());
        }
        this.criminalCaseAverted = averted.criminalCase();
        this.criminalCaseAvertedPeople = averted.criminalCasePeople();
        this.massPetitionAverted = averted.massPetition();
        this.massPetitionAvertedPeople = averted.massPetitionPeople();
    }

    public void fileAdministrative(OffsetDateTime at) {
        this.status = CaseStatus.FILED;
        this.adminFiledAt = at;
    }

    public void resolveAdministrative(OffsetDateTime at, String resolution) {
        this.status = CaseStatus.RESOLVED;
        this.adminResolution = resolution;
        this.adminResolvedAt = at;
    }

    /** The office's register number; given once (a case keeps the number it was accepted under). */
    public void register(String officeCode, String number) {
        if (this.registerNumber == null) {
            this.registerOfficeCode = officeCode;
            this.registerNumber = number;
        }
    }

    /** The agreement's 文书编号; given once, kept by every later version of the agreement. */
    public void numberAgreement(String number) {
        if (this.agreementNumber == null) {
            this.agreementNumber = number;
        }
    }

    /** Brought in from an office's ledger under this number (its register number once accepted). */
    public void fromLedger(String number) {
        this.ledgerNumber = number;
    }

    // --- reading ---

    public String registerNumber() {
        return registerNumber;
    }

    public String registerOfficeCode() {
        return registerOfficeCode;
    }

    public String agreementNumber() {
        return agreementNumber;
    }

    public String ledgerNumber() {
        return ledgerNumber;
    }

    public Long id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public MatterKind matterKind() {
        return matterKind;
    }

    public CaseStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public IntakeMode intakeMode() {
        return intakeMode;
    }

    public DisputeType disputeType() {
        return disputeType;
    }

    public String summary() {
        return summary;
    }

    public String regionCode() {
        return regionCode;
    }

    public String address() {
        return address;
    }

    public BigDecimal amountInvolved() {
        return amountInvolved;
    }

    public int peopleInvolved() {
        return peopleInvolved;
    }

    public RiskLevel riskLevel() {
        return riskLevel;
    }

    public String receivingOfficeCode() {
        return receivingOfficeCode;
    }

    public String handlingOfficeCode() {
        return handlingOfficeCode;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public OffsetDateTime acceptedAt() {
        return acceptedAt;
    }

    public OffsetDateTime declinedAt() {
        return declinedAt;
    }

    public String declineReason() {
        return declineReason;
    }

    public String declineGuidance() {
        return declineGuidance;
    }

    public OffsetDateTime mediationStartedAt() {
        return mediationStartedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public OffsetDateTime outcomeAt() {
        return outcomeAt;
    }

    public AgreementForm agreementForm() {
        return agreementForm;
    }

    public String agreementTerms() {
        return agreementTerms;
    }

    public BigDecimal agreementAmount() {
        return agreementAmount;
    }

    public LocalDate performanceDeadline() {
        return performanceDeadline;
    }

    public String failureReason() {
        return failureReason;
    }

    public String failureGuidance() {
        return failureGuidance;
    }

    public LocalDate followUpDue() {
        return followUpDue;
    }

    public LocalDate followUpCountedDue() {
        return followUpCountedDue;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public boolean criminalCaseAverted() {
        return criminalCaseAverted;
    }

    public boolean massPetitionAverted() {
        return massPetitionAverted;
    }

    public Averted averted() {
        return new Averted(criminalCaseAverted, criminalCaseAvertedPeople, massPetitionAverted, massPetitionAvertedPeople);
    }

    public OffsetDateTime adminFiledAt() {
        return adminFiledAt;
    }

    public String adminResolution() {
        return adminResolution;
    }

    public OffsetDateTime adminResolvedAt() {
        return adminResolvedAt;
    }

    public String sourcePartner() {
        return sourcePartner;
    }

    public String externalId() {
        return externalId;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime followUpOverdueAt() {
        return followUpOverdueAt;
    }

    public long version() {
        return version;
    }

    public List<Party> parties() {
        return Collections.unmodifiableList(parties);
    }
}
