package org.trilink.cases.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One kind of change to a case, with exactly the facts its listeners need: the contract between
 * the core, which records changes, and everything that hears them (notifications, partner
 * callbacks and outbound referrals, statistics, the history page). Stored in
 * {@code case_event.detail} as JSON (JSON-B) under the change's {@link #type()}; a listener
 * switches over this sealed type, so a new kind of change fails compilation wherever a decision
 * about it is owed. Nobody parses {@link #text()}: it is the wording the history API has always
 * answered with, kept for its readers.
 *
 * <p>Codes of enums that belong to other features (mediator capacity, follow-up method and
 * performance, failure guidance, document kind) are kept as their names, so that this package
 * depends on no feature above it. Nullable fields are those the demo data's shorter records and
 * rows written before the typed changes (converted by V17) may lack.
 */
public sealed interface CaseChange {

    /**
     * Which kind of change this is. Java 17 has no switch over a sealed type's records (a preview
     * there), so listeners switch over this enum in a switch expression without a default: a new
     * kind of change is a compile error in every listener until it decides about it.
     */
    Kind kind();

    /** The event's name in {@code case_event.type}; partner callbacks and statistics rely on these. */
    default String type() {
        return kind().name();
    }

    /** The detail as the history API words it; null for a change with nothing to say. */
    String text();

    /** The ledger file and row a backfilled change was imported from; null for every other change. */
    default LedgerSource ledger() {
        return null;
    }

    /** The kinds of change, one per record; the name is the one stored in {@code case_event.type}. */
    enum Kind {
        RECEIVED(Received.class),
        ACCEPTED(Accepted.class),
        DECLINED(Declined.class),
        REFERRED(Referred.class),
        REFERRAL_ACCEPTED(ReferralAccepted.class),
        REFERRAL_REJECTED(ReferralRejected.class),
        REFERRAL_RECALLED(ReferralRecalled.class),
        REFERRAL_OVERDUE(ReferralOverdue.class),
        JOINED(Joined.class),
        MEDIATOR_ASSIGNED(MediatorAssigned.class),
        MEDIATION_STARTED(MediationStarted.class),
        SESSION_SCHEDULED(SessionScheduled.class),
        SESSION_RESCHEDULED(SessionRescheduled.class),
        SESSION_CANCELLED(SessionCancelled.class),
        SESSION_HELD(SessionHeld.class),
        OUTCOME_RECORDED(OutcomeRecorded.class),
        LEDGER_OUTCOME(LedgerOutcome.class),
        FOLLOW_UP_RECORDED(FollowUpRecorded.class),
        FOLLOW_UP_OVERDUE(FollowUpOverdue.class),
        RISK_CHANGED(RiskChanged.class),
        CLOSED(Closed.class),
        ADMIN_FILED(AdminFiled.class),
        ADMIN_RESOLVED(AdminResolved.class),
        PARTY_CORRECTED(PartyCorrected.class),
        DOCUMENT_GENERATED(DocumentGenerated.class),
        DOCUMENT_DOWNLOADED(DocumentDownloaded.class),
        SIGNED_COPY_UPLOADED(SignedCopyUploaded.class),
        PARTY_VIEWED_ONLINE(PartyViewedOnline.class),
        CORRECTION_REQUESTED(CorrectionRequested.class),
        CORRECTION_DECLINED(CorrectionDeclined.class),
        AGREEMENT_SIGNED(AgreementSigned.class),
        AGREEMENT_SEALED(AgreementSealed.class),
        PARTY_RATED(PartyRated.class);

        private final Class<? extends CaseChange> record;

        Kind(Class<? extends CaseChange> record) {
            this.record = record;
        }

        public Class<? extends CaseChange> record() {
            return record;
        }

        /** The kind stored under {@code type}; empty for a name no change has. */
        public static java.util.Optional<Kind> of(String type) {
            for (Kind k : values()) {
                if (k.name().equals(type)) {
                    return java.util.Optional.of(k);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static String withRest(String head, String rest) {
        return rest == null ? head : head + "; " + rest;
    }

    /**
     * Where a backfilled change (补录) came from: the ledger file's SHA-256 and the row (the file's
     * record number, the header being 1), so that an auditor finds the line it was read from.
     * Null on live changes and on those stored before issue 21.
     *
     * <p>A past case registered through the API ({@code POST /api/v1/cases/backfill}) has no file
     * and no row: {@code apiRequest} is then the SHA-256 of the request's facts, so that an auditor
     * tells it from live work and from a ledger file, and a re-sent request is known again.
     */
    record LedgerSource(String sha256, long row, String apiRequest) {
        @jakarta.json.bind.annotation.JsonbCreator
        public LedgerSource {
        }

        /** A ledger file's row. */
        public LedgerSource(String sha256, long row) {
            this(sha256, row, null);
        }

        /** A past case registered through the API, by the SHA-256 of its request's facts. */
        public static LedgerSource apiRequest(String requestSha256) {
            return new LedgerSource(null, 0, requestSha256);
        }

        /** Whether the change was registered after the fact through the API rather than read from a file. */
        public boolean viaApi() {
            return apiRequest != null;
        }

        public String text() {
            return viaApi() ? "registered after the fact (补录) through the API, request sha256 " + apiRequest
                    : "ledger row " + row + ", file sha256 " + sha256;
        }
    }

    private static String withSource(String head, LedgerSource source) {
        return source == null ? head : head == null ? source.text() : head + " (" + source.text() + ")";
    }

    /**
     * 登记: the dispute was registered, by staff, from a partner's referral ({@code partnerCode})
     * or from an office's ledger.
     */
    record Received(Channel channel, DisputeType disputeType, String partnerCode, boolean fromLedger,
                    LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public Received {
        }

        public Received(Channel channel, DisputeType disputeType, String partnerCode, boolean fromLedger) {
            this(channel, disputeType, partnerCode, fromLedger, null);
        }

        public Kind kind() {
            return Kind.RECEIVED;
        }

        public String text() {
            return withSource("channel=" + channel + ", type=" + disputeType
                    + (fromLedger && (ledger == null || !ledger.viaApi()) ? ", from the ledger" : partnerCode != null ? ", partner=" + partnerCode : ""), ledger);
        }
    }

    /** 受理: the handling office took the case on and gave it its register number (登记编号). */
    record Accepted(String note, String registerNumber, LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public Accepted {
        }

        /** Without a register number: changes stored before numbering (issue 20), and tests. */
        public Accepted(String note) {
            this(note, null, null);
        }

        public Accepted(String note, String registerNumber) {
            this(note, registerNumber, null);
        }

        public Kind kind() {
            return Kind.ACCEPTED;
        }

        public String text() {
            return withSource(registerNumber == null ? note
                    : "register number " + registerNumber + (note == null ? "" : ", " + note), ledger);
        }
    }

    /** 不予受理, with the reason and the guidance given to the parties (the demo data gives a reason only). */
    record Declined(String reason, String guidance) implements CaseChange {
        public Kind kind() {
            return Kind.DECLINED;
        }

        public String text() {
            return guidance == null ? reason : "reason: " + reason + "; guidance: " + guidance;
        }
    }

    /**
     * A referral to another office was sent. {@code referralId} and {@code reason} are null only in
     * the demo data's short records ("to X").
     */
    record Referred(Long referralId, String fromOffice, String toOffice, OffsetDateTime deadline, String reason,
                    LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public Referred {
        }

        public Referred(Long referralId, String fromOffice, String toOffice, OffsetDateTime deadline, String reason) {
            this(referralId, fromOffice, toOffice, deadline, reason, null);
        }

        public Kind kind() {
            return Kind.REFERRED;
        }

        public String text() {
            return withSource(referralId == null ? "to " + toOffice
                    : "referral=" + referralId + " to=" + toOffice + "; " + (reason == null ? "" : reason), ledger);
        }
    }

    /**
     * The receiving office took the referral (and the case) on; it came from an office or, for
     * a partner's referral, from the partner ({@code fromPartner}).
     */
    record ReferralAccepted(Long referralId, String fromOffice, String fromPartner, String toOffice,
                            LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public ReferralAccepted {
        }

        public ReferralAccepted(Long referralId, String fromOffice, String fromPartner, String toOffice) {
            this(referralId, fromOffice, fromPartner, toOffice, null);
        }

        public Kind kind() {
            return Kind.REFERRAL_ACCEPTED;
        }

        public String text() {
            return withSource(referralId == null ? "from " + fromOffice
                    : "referral=" + referralId + origin(fromOffice, fromPartner), ledger);
        }
    }

    private static String origin(String fromOffice, String fromPartner) {
        return fromPartner != null ? " from partner " + fromPartner : " from=" + fromOffice;
    }

    /** The receiving office refused the referral, with its reason; the case stays where it was. */
    record ReferralRejected(long referralId, String fromOffice, String fromPartner, String reason,
                            LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public ReferralRejected {
        }

        public ReferralRejected(long referralId, String fromOffice, String fromPartner, String reason) {
            this(referralId, fromOffice, fromPartner, reason, null);
        }

        public Kind kind() {
            return Kind.REFERRAL_REJECTED;
        }

        public String text() {
            return withSource(withRest("referral=" + referralId + origin(fromOffice, fromPartner), reason), ledger);
        }
    }

    /** The sending office took a pending referral back. */
    record ReferralRecalled(long referralId, String toOffice, String reason, LedgerSource ledger)
            implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public ReferralRecalled {
        }

        public ReferralRecalled(long referralId, String toOffice, String reason) {
            this(referralId, toOffice, reason, null);
        }

        public Kind kind() {
            return Kind.REFERRAL_RECALLED;
        }

        public String text() {
            return withSource(withRest("referral=" + referralId + " to=" + toOffice, reason), ledger);
        }
    }

    /** A pending referral passed its deadline (found by the timer); it stays actionable. */
    record ReferralOverdue(long referralId, String toOffice, OffsetDateTime deadline) implements CaseChange {
        public Kind kind() {
            return Kind.REFERRAL_OVERDUE;
        }

        public String text() {
            return "referral=" + referralId + " to=" + toOffice + " deadline=" + deadline;
        }
    }

    /** 联合调解: another office joined the case. */
    record Joined(String office, String note) implements CaseChange {
        public Kind kind() {
            return Kind.JOINED;
        }

        public String text() {
            return note == null ? office : office + ": " + note;
        }
    }

    /** A mediator was assigned, in a capacity (MediatorCapacity's name), for an office. */
    record MediatorAssigned(String username, String capacity, String office, LedgerSource ledger)
            implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public MediatorAssigned {
        }

        public MediatorAssigned(String username, String capacity, String office) {
            this(username, capacity, office, null);
        }

        public Kind kind() {
            return Kind.MEDIATOR_ASSIGNED;
        }

        public String text() {
            return withSource(username + " as " + capacity + " of " + office, ledger);
        }
    }

    /** Mediation began (ACCEPTED to IN_MEDIATION). */
    record MediationStarted(LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public MediationStarted {
        }

        public MediationStarted() {
            this(null);
        }

        public Kind kind() {
            return Kind.MEDIATION_STARTED;
        }

        public String text() {
            return ledger == null ? null : ledger.text();
        }
    }

    /** A mediation session was scheduled. */
    record SessionScheduled(long sessionId, OffsetDateTime at, String place) implements CaseChange {
        public Kind kind() {
            return Kind.SESSION_SCHEDULED;
        }

        public String text() {
            return "session=" + sessionId + " at=" + at + " place=" + place;
        }
    }

    /** A session moved to another time or place (the event's before/after say from what to what). */
    record SessionRescheduled(long sessionId, String reason) implements CaseChange {
        public Kind kind() {
            return Kind.SESSION_RESCHEDULED;
        }

        public String text() {
            return withRest("session=" + sessionId, reason);
        }
    }

    /** A session was cancelled, with a reason. */
    record SessionCancelled(long sessionId, String reason) implements CaseChange {
        public Kind kind() {
            return Kind.SESSION_CANCELLED;
        }

        public String text() {
            return withRest("session=" + sessionId, reason);
        }
    }

    /** A session took place; its notes stay on the session. */
    record SessionHeld(long sessionId, OffsetDateTime at) implements CaseChange {
        public Kind kind() {
            return Kind.SESSION_HELD;
        }

        public String text() {
            return "session=" + sessionId + " at=" + at;
        }
    }

    /**
     * The outcome: success with its agreement form and amount, or failure or withdrawal with the
     * guidance given (FailureGuidance's name); {@code followUpDue} is when the follow-up falls due
     * (null in the demo data's short records); {@code averted} the escalations it was kept from,
     * with their people (null in changes stored before V22 and in the demo data).
     */
    record OutcomeRecorded(Outcome outcome, AgreementForm agreementForm, BigDecimal amount, String guidance,
                           LocalDate followUpDue, Averted averted) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public OutcomeRecorded {
        }

        public OutcomeRecorded(Outcome outcome, AgreementForm agreementForm, BigDecimal amount, String guidance,
                               LocalDate followUpDue) {
            this(outcome, agreementForm, amount, guidance, followUpDue, null);
        }

        public Kind kind() {
            return Kind.OUTCOME_RECORDED;
        }

        public String text() {
            String head;
            if (outcome == Outcome.SUCCESS) {
                head = followUpDue == null && agreementForm == null ? outcome.name()
                        : outcome + " " + agreementForm + (amount == null ? "" : " amount=" + amount);
            } else {
                head = outcome + (guidance == null ? "" : " guidance=" + guidance);
            }
            head += avertedText(averted);
            return followUpDue == null ? head : head + "; follow-up due " + followUpDue;
        }
    }

    /** The averted escalations as the history API words them: "; averted criminal case (3 people)"; "" for none. */
    private static String avertedText(Averted averted) {
        if (averted == null || !averted.any()) {
            return "";
        }
        java.util.List<String> kept = new java.util.ArrayList<>();
        if (averted.criminalCase()) {
            kept.add("criminal case" + (averted.criminalCasePeople() == null ? "" : " (" + averted.criminalCasePeople()
                    + " people)"));
        }
        if (averted.massPetition()) {
            kept.add("mass petition" + (averted.massPetitionPeople() == null ? "" : " (" + averted.massPetitionPeople()
                    + " people)"));
        }
        return "; averted " + String.join(", ", kept);
    }

    /** An outcome brought in from an office's ledger (台账), without the details of a live one. */
    record LedgerOutcome(Outcome outcome, AgreementForm agreementForm, BigDecimal amount, LedgerSource ledger,
                         Averted averted) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public LedgerOutcome {
        }

        public LedgerOutcome(Outcome outcome, AgreementForm agreementForm, BigDecimal amount, LedgerSource ledger) {
            this(outcome, agreementForm, amount, ledger, null);
        }

        public LedgerOutcome(Outcome outcome) {
            this(outcome, null, null, null, null);
        }

        public Kind kind() {
            return Kind.LEDGER_OUTCOME;
        }

        public String text() {
            return withSource(outcome.name() + (agreementForm == null ? "" : " " + agreementForm)
                    + (amount == null ? "" : " amount=" + amount) + avertedText(averted), ledger);
        }
    }

    /**
     * A follow-up visit (回访): method (FollowUpMethod), performance (Performance) and
     * satisfaction 1-5; the demo data's short records name the performance only.
     */
    record FollowUpRecorded(String method, String performance, Integer satisfaction, LedgerSource ledger)
            implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public FollowUpRecorded {
        }

        public FollowUpRecorded(String method, String performance, Integer satisfaction) {
            this(method, performance, satisfaction, null);
        }

        public Kind kind() {
            return Kind.FOLLOW_UP_RECORDED;
        }

        public String text() {
            return withSource(method == null ? performance
                    : "method=" + method + " performance=" + performance + " satisfaction=" + satisfaction, ledger);
        }
    }

    /** A follow-up fell due and none was recorded (found by the timer), for the office handling the case. */
    record FollowUpOverdue(LocalDate due, String office) implements CaseChange {
        public Kind kind() {
            return Kind.FOLLOW_UP_OVERDUE;
        }

        public String text() {
            return "due=" + due + " office=" + office;
        }
    }

    /** The risk level was raised or lowered, with the reason. */
    record RiskChanged(RiskLevel from, RiskLevel to, String reason) implements CaseChange {
        public Kind kind() {
            return Kind.RISK_CHANGED;
        }

        public String text() {
            return reason;
        }
    }

    /** 结案. */
    record Closed(String note, LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public Closed {
        }

        public Closed(String note) {
            this(note, null);
        }

        public Kind kind() {
            return Kind.CLOSED;
        }

        public String text() {
            return withSource(note, ledger);
        }
    }

    /** 立案: an administrative matter was formally filed. */
    record AdminFiled(String note, String registerNumber, LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public AdminFiled {
        }

        /** Without a register number: changes stored before numbering (issue 20), and tests. */
        public AdminFiled(String note) {
            this(note, null, null);
        }

        public AdminFiled(String note, String registerNumber) {
            this(note, registerNumber, null);
        }

        public Kind kind() {
            return Kind.ADMIN_FILED;
        }

        public String text() {
            return withSource(registerNumber == null ? note
                    : "register number " + registerNumber + (note == null ? "" : ", " + note), ledger);
        }
    }

    /** How an administrative matter ended. */
    record AdminResolved(AdminResolution resolution, String note, LedgerSource ledger) implements CaseChange {
        @jakarta.json.bind.annotation.JsonbCreator
        public AdminResolved {
        }

        public AdminResolved(AdminResolution resolution, String note) {
            this(resolution, note, null);
        }

        public Kind kind() {
            return Kind.ADMIN_RESOLVED;
        }

        public String text() {
            return withSource(note == null ? resolution.name() : resolution + ": " + note, ledger);
        }
    }

    /**
     * A party's particulars were corrected: the party's position (1 = first listed) and the names
     * of the fields changed, never their values.
     */
    record PartyCorrected(int position, List<String> fields, String reason) implements CaseChange {
        public Kind kind() {
            return Kind.PARTY_CORRECTED;
        }

        public String text() {
            return withRest("party " + position + ": " + String.join(", ", fields), reason);
        }
    }

    /**
     * A stored version of a case document: its kind (DocumentKind's slug), the subject it is about
     * (a follow-up visit's id; 0 for the case itself), version, verification code and id.
     */
    record DocumentVersion(String kind, long subjectId, int version, String code, long documentId) {
        public String text() {
            return kind + (subjectId != 0 ? " #" + subjectId : "") + " v" + version + " code " + code
                    + " (document " + documentId + ")";
        }
    }

    /** A document was generated; {@code unchanged} when the stored version was returned again. */
    record DocumentGenerated(DocumentVersion document, boolean unchanged) implements CaseChange {
        public Kind kind() {
            return Kind.DOCUMENT_GENERATED;
        }

        public String text() {
            return document.text() + (unchanged ? " (unchanged, stored version returned)" : "");
        }
    }

    /** A stored document, or its signed copy ({@code signedCopyId}), was handed out. */
    record DocumentDownloaded(DocumentVersion document, Long signedCopyId) implements CaseChange {
        public Kind kind() {
            return Kind.DOCUMENT_DOWNLOADED;
        }

        public String text() {
            return document.text() + (signedCopyId == null ? "" : ", signed copy " + signedCopyId);
        }
    }

    /** A scan of the signed paper was filed with the version it was printed from. */
    record SignedCopyUploaded(DocumentVersion document, String mediaType, long bytes, String sha256)
            implements CaseChange {
        public Kind kind() {
            return Kind.SIGNED_COPY_UPLOADED;
        }

        public String text() {
            return document.text() + ", " + mediaType + ", " + bytes + " bytes, sha256 " + sha256;
        }
    }

    /**
     * A party looked at the case through the parties' door (issue 24), after a code sent to their
     * phone: {@code what} is CASE (where it stands) or PERSONAL_DATA (what is held about them).
     */
    record PartyViewedOnline(int position, String what) implements CaseChange {
        public Kind kind() {
            return Kind.PARTY_VIEWED_ONLINE;
        }

        public String text() {
            return "party " + position + " viewed " + what + " online";
        }
    }

    /**
     * A party signed the agreement electronically: their position in the case, the version read
     * (its file's SHA-256), how (channel) and the SHA-256 of the handwritten image. No address
     * and no image here: they are in the signature record.
     */
    record AgreementSigned(DocumentVersion document, int party, String channel, String documentSha256,
                           String imageSha256) implements CaseChange {
        public Kind kind() {
            return Kind.AGREEMENT_SIGNED;
        }

        public String text() {
            return document.text() + ", party " + party + " signed (" + channel + "), document sha256 "
                    + documentSha256;
        }
    }

    /**
     * A party asked through the parties' door to correct the personal data held about them: the
     * request's id and the names of the fields, never their values (staff see those on the request).
     */
    record CorrectionRequested(long requestId, int position, List<String> fields) implements CaseChange {
        public Kind kind() {
            return Kind.CORRECTION_REQUESTED;
        }

        public String text() {
            return "request " + requestId + ", party " + position + ": " + String.join(", ", fields);
        }
    }

    /** Staff declined a party's correction request, saying why (an applied one is PARTY_CORRECTED). */
    record CorrectionDeclined(long requestId, int position, String reason) implements CaseChange {
        public Kind kind() {
            return Kind.CORRECTION_DECLINED;
        }

        public String text() {
            return withRest("request " + requestId + ", party " + position, reason);
        }
    }

    /**
     * Every party had signed: the new version with their signatures, the committee's seal and
     * the office's digital signature (PAdES), made from the version they signed.
     */
    record AgreementSealed(DocumentVersion document, long signedFromDocumentId, String certificateSha256)
            implements CaseChange {
        public Kind kind() {
            return Kind.AGREEMENT_SEALED;
        }

        public String text() {
            return document.text() + ", signed by every party from document " + signedFromDocumentId
                    + ", office certificate sha256 " + certificateSha256;
        }
    }

    /**
     * A party rated the service through the parties' door after the follow-up visit (issue 24,
     * 评价): 1 to 5 stars and the party's own comment, if any (at most 500 characters). Once per
     * party; the satisfaction rate counts it beside the visits' ratings.
     */
    record PartyRated(int position, int score, String comment) implements CaseChange {
        public Kind kind() {
            return Kind.PARTY_RATED;
        }

        public String text() {
            return withRest("party " + position + " rated " + score + " of 5", comment);
        }
    }
}
