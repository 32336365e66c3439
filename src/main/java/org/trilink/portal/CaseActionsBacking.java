package org.trilink.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trilink.cases.boundary.CaseOnPage;
import org.trilink.cases.boundary.MoveForms;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseDecisions;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.mediation.control.FollowUps;
import org.trilink.mediation.control.Mediation;
import org.trilink.mediation.control.OutcomeCommand;
import org.trilink.mediation.entity.FailureGuidance;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.MediationSession;
import org.trilink.mediation.entity.MediatorCapacity;
import org.trilink.mediation.entity.Performance;
import org.trilink.mediation.entity.SessionStatus;
import org.trilink.offices.boundary.Places;
import org.trilink.offices.entity.Office;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.Configured;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.referrals.control.Referrals;

/**
 * The actions area of the case page. It offers only the moves the lifecycle says the user may
 * make now ({@link CaseLifecycle#actionsFor}), asks for what a move needs, and hands it to the
 * control bean that owns the move, with the case version the user saw, so that a case changed
 * meanwhile is refused rather than overwritten.
 */
@Named("caseActions")
@ViewScoped
public class CaseActionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The moves the portal has a form for, in the order the buttons appear. */
    static final Set<Move> OFFERED = EnumSet.of(Move.ACCEPT_REFERRAL, Move.REJECT_REFERRAL, Move.RECALL_REFERRAL,
            Move.ACCEPT, Move.DECLINE, Move.REFER, Move.START_MEDIATION, Move.SCHEDULE_SESSION, Move.RECORD_SESSION,
            Move.CANCEL_SESSION, Move.RECORD_OUTCOME, Move.RECORD_FOLLOW_UP, Move.CLOSE,
            Move.ASSIGN_MEDIATOR, Move.INVITE_OFFICE, Move.CHANGE_RISK, Move.RESCHEDULE_SESSION);

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    CaseDecisions decisions;

    @Inject
    Referrals referrals;

    @Inject
    Mediation mediation;

    @Inject
    FollowUps followUps;

    @Inject
    Labels labels;

    @Inject
    Places places;

    @Inject
    CaseOnPage onPage;

    @Inject
    Configured configured;

    private String caseNumber;
    private Move chosen;
    private long version;

    // what the moves ask for
    private String note;
    private String reason;
    private String guidance;
    private String officeCode;
    private LocalDateTime when;
    private String place;
    private String participants;
    private Long sessionId;
    private String notes;
    private String attendance;
    private Outcome result = Outcome.SUCCESS;
    private AgreementForm agreementForm = AgreementForm.WRITTEN;
    private String terms;
    private BigDecimal amount;
    private LocalDate performanceDeadline;
    private FailureGuidance failureGuidance;
    private FollowUpMethod method = FollowUpMethod.PHONE;
    private Performance performance = Performance.PERFORMED;
    private Integer satisfaction = 5;
    private String mediator;
    private MediatorCapacity capacity = MediatorCapacity.PEOPLES_MEDIATOR;
    private RiskLevel risk;

    /** The moves to show as buttons for this case, now. */
    public List<Move> moves(DisputeCase c) {
        caseNumber = c.caseNumber();
        return lifecycle.actionsFor(c).stream().filter(OFFERED::contains).sorted().toList();
    }

    /** A button was pressed: show the move's form, remembering the version the user is looking at. */
    public void choose(Move move, DisputeCase c) {
        chosen = move;
        caseNumber = c.caseNumber();
        version = c.version();
        clear();
        if (move == Move.RECORD_SESSION || move == Move.CANCEL_SESSION || move == Move.RESCHEDULE_SESSION) {
            List<MediationSession> open = scheduledSessions();
            sessionId = open.isEmpty() ? null : open.get(0).id();
        }
    }

    public void cancel() {
        chosen = null;
    }

    /** Makes the chosen move; a refusal is shown in the user's language and nothing changes. */
    public void confirm() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (chosen == null) {
            return;
        }
        try {
            switch (chosen) {
                case ACCEPT -> decisions.accept(caseNumber, version, note);
                case DECLINE -> decisions.decline(caseNumber, version, required(reason, "reason"),
                        required(guidance, "guidance"));
                case REFER -> referrals.refer(caseNumber, version, required(officeCode, "officeCode"),
                        required(reason, "reason"), null);
                case ACCEPT_REFERRAL -> referrals.accept(pending().id(), version);
                case REJECT_REFERRAL -> referrals.reject(pending().id(), version, required(reason, "reason"));
                case RECALL_REFERRAL -> referrals.recall(pending().id(), version, reason);
                case START_MEDIATION -> mediation.startMediation(caseNumber, version);
                case SCHEDULE_SESSION -> mediation.schedule(caseNumber, version, at(required(when, "when")),
                        required(place, "place"), participants);
                case RECORD_SESSION -> mediation.recordHeld(caseNumber, version, required(sessionId, "sessionId"),
                        when == null ? null : at(when), required(notes, "notes"), attendance);
                case CANCEL_SESSION -> mediation.cancel(caseNumber, version, required(sessionId, "sessionId"),
                        required(reason, "reason"));
                case RECORD_OUTCOME -> followUps.recordOutcome(caseNumber, version, outcome());
                case RECORD_FOLLOW_UP -> followUps.record(caseNumber, version, when == null ? null : at(when), method,
                        performance, satisfaction == null ? 0 : satisfaction, notes);
                case CLOSE -> decisions.close(caseNumber, version, note);
                case ASSIGN_MEDIATOR -> mediation.assignMediator(caseNumber, version, required(mediator, "username"),
                        required(capacity, "capacity"));
                case INVITE_OFFICE -> decisions.invite(caseNumber, version, required(officeCode, "officeCode"), note);
                case CHANGE_RISK -> decisions.changeRisk(caseNumber, version, required(risk, "level"),
                        required(reason, "reason"));
                case RESCHEDULE_SESSION -> mediation.reschedule(caseNumber, version, required(sessionId, "sessionId"),
                        at(required(when, "when")), place, participants, reason);
                default -> throw new IllegalStateException("The portal offers no form for " + chosen);
            }
        } catch (ProblemException refused) {
            MoveForms.showRefusal(context, labels, refused.problem());
            return;
        }
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                labels.text("action.done", labels.of(chosen)), null));
        chosen = null;
        onPage.forget(); // the page shows the case as it is after the move
    }

    private OutcomeCommand outcome() {
        boolean success = result == Outcome.SUCCESS;
        return new OutcomeCommand(result, success ? agreementForm : null, success ? terms : null,
                success ? amount : null, success ? performanceDeadline : null, success ? null : reason,
                result == Outcome.FAILURE ? failureGuidance : null, false, false);
    }

    private CaseAccess.PendingReferral pending() {
        Optional<CaseAccess.PendingReferral> pending = access.pendingReferral(access.visible(caseNumber));
        return pending.orElseThrow(() -> new ProblemException(Problem.of(409, "Conflict",
                "No referral of this case is pending any more.")));
    }

    private OffsetDateTime at(LocalDateTime local) {
        return local.atZone(configured.zone()).toOffsetDateTime();
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ProblemException.badRequest(field, "required");
        }
        return value;
    }

    private void clear() {
        note = null;
        reason = null;
        guidance = null;
        officeCode = null;
        when = null;
        place = null;
        participants = null;
        sessionId = null;
        notes = null;
        attendance = null;
        result = Outcome.SUCCESS;
        agreementForm = AgreementForm.WRITTEN;
        terms = null;
        amount = null;
        performanceDeadline = null;
        failureGuidance = null;
        method = FollowUpMethod.PHONE;
        performance = Performance.PERFORMED;
        satisfaction = 5;
        mediator = null;
        capacity = MediatorCapacity.PEOPLES_MEDIATOR;
        risk = null;
    }

    /** Sessions still to be held, for recording or cancelling one. */
    public List<MediationSession> scheduledSessions() {
        return mediation.sessions(caseNumber).stream().filter(s -> s.status() == SessionStatus.SCHEDULED).toList();
    }

    /** Offices a case may be referred to: active ones, except the one handling it. */
    public List<Office> referralTargets() {
        String handling = access.visible(caseNumber).handlingOfficeCode();
        return places.offices().stream().filter(Office::active).filter(o -> !o.code().equals(handling)).toList();
    }

    /** Staff who may be assigned to mediate: of the offices taking part in the case. */
    public List<Staff> mediatorCandidates() {
        return mediation.candidates(caseNumber);
    }

    /** Offices that may be invited to mediate jointly: active ones not yet taking part. */
    public List<Office> inviteTargets() {
        String handling = access.visible(caseNumber).handlingOfficeCode();
        return places.offices().stream().filter(Office::active).filter(o -> !o.code().equals(handling)).toList();
    }

    public List<MediatorCapacity> getCapacities() {
        return List.of(MediatorCapacity.values());
    }

    public List<RiskLevel> getRiskLevels() {
        return List.of(RiskLevel.values());
    }

    public String getMediator() {
        return mediator;
    }

    public void setMediator(String mediator) {
        this.mediator = mediator;
    }

    public MediatorCapacity getCapacity() {
        return capacity;
    }

    public void setCapacity(MediatorCapacity capacity) {
        this.capacity = capacity;
    }

    public RiskLevel getRisk() {
        return risk;
    }

    public void setRisk(RiskLevel risk) {
        this.risk = risk;
    }

    public List<Outcome> getResults() {
        return List.of(Outcome.values());
    }

    public List<AgreementForm> getAgreementForms() {
        return List.of(AgreementForm.values());
    }

    public List<FailureGuidance> getFailureGuidances() {
        return List.of(FailureGuidance.values());
    }

    public List<FollowUpMethod> getMethods() {
        return List.of(FollowUpMethod.values());
    }

    public List<Performance> getPerformances() {
        return List.of(Performance.values());
    }

    public Move getChosen() {
        return chosen;
    }

    public String getChosenName() {
        return chosen == null ? "" : chosen.name();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getGuidance() {
        return guidance;
    }

    public void setGuidance(String guidance) {
        this.guidance = guidance;
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public void setOfficeCode(String officeCode) {
        this.officeCode = officeCode;
    }

    public LocalDateTime getWhen() {
        return when;
    }

    public void setWhen(LocalDateTime when) {
        this.when = when;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getParticipants() {
        return participants;
    }

    public void setParticipants(String participants) {
        this.participants = participants;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getAttendance() {
        return attendance;
    }

    public void setAttendance(String attendance) {
        this.attendance = attendance;
    }

    public Outcome getResult() {
        return result;
    }

    public void setResult(Outcome result) {
        this.result = result;
    }

    public AgreementForm getAgreementForm() {
        return agreementForm;
    }

    public void setAgreementForm(AgreementForm agreementForm) {
        this.agreementForm = agreementForm;
    }

    public String getTerms() {
        return terms;
    }

    public void setTerms(String terms) {
        this.terms = terms;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getPerformanceDeadline() {
        return performanceDeadline;
    }

    public void setPerformanceDeadline(LocalDate performanceDeadline) {
        this.performanceDeadline = performanceDeadline;
    }

    public FailureGuidance getFailureGuidance() {
        return failureGuidance;
    }

    public void setFailureGuidance(FailureGuidance failureGuidance) {
        this.failureGuidance = failureGuidance;
    }

    public FollowUpMethod getMethod() {
        return method;
    }

    public void setMethod(FollowUpMethod method) {
        this.method = method;
    }

    public Performance getPerformance() {
        return performance;
    }

    public void setPerformance(Performance performance) {
        this.performance = performance;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public void setSatisfaction(Integer satisfaction) {
        this.satisfaction = satisfaction;
    }
}
