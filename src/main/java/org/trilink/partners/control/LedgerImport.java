package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trilink.cases.boundary.PartyRequest;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.MatterKind;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.MediatorCapacity;
import org.trilink.referrals.entity.ReferralStatus;
import org.trilink.mediation.entity.Performance;
import org.trilink.cases.entity.Outcome;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Role;

/**
 * Imports an office's historical ledger (台账): each good row becomes a case of that office,
 * received on its date and, when the ledger has one, with its outcome, so statistics count two
 * years of history. Rows are independent (stored a chunk per transaction, and one by one again
 * when one of a chunk fails, so that a bad row fails alone); bad rows are reported with their
 * row number and reason; a ledger id already imported for the office is not taken again.
 */
@ApplicationScoped
public class LedgerImport {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    PartnerIntake intake;

    @Inject
    OfficeCatalog offices;

    @Inject
    CaseIntake cases;

    @Inject
    CaseHistory history;

    @Inject
    Configured configured;

    @Inject
    org.trilink.offices.control.StaffDirectory staff;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LedgerImport.class.getName());

    /** The stack of an exception without its messages, which may quote row data. */
    static Throwable withoutMessages(Throwable e) {
        Throwable copy = new Throwable(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(withoutMessages(e.getCause()));
        }
        return copy;
    }

    /** The exception classes of a failure, never their messages (which may quote the row). */
    static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            s.append(s.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return s.toString();
    }

    // Serializable: the portal's import page keeps the last report in its view, and sessions are
    // distributable. reason is the API's English text, as it always was; refusals say the same with
    // stable codes, for the page to word in its user's language, and stay out of the API's JSON
    public record RowError(long row, String ledgerId, String reason,
                           @JsonbTransient List<Refusal> refusals) implements java.io.Serializable {
    }

    /**
     * One reason a row was refused: the ledger column (null for the row as a whole), a stable
     * code (the portal's key {@code ledger.refusal.<code>}) and, for some codes, the limit broken.
     */
    public record Refusal(String column, String code, String limit) implements java.io.Serializable {
    }

    /** Every code a {@link Refusal} may carry. */
    public static final java.util.Set<String> REFUSAL_CODES = java.util.Set.of("required", "unknownCode", "tooLong",
            "residentId", "mobile", "creditCode", "outOfRange", "digits", "future", "identifierFitsKind", "notANumber",
            "notAWholeNumber", "notADate", "beforeReceived", "unknownRegion", "invalid", "refused", "notStored",
            "notForKind", "notConcluded", "otherOffice", "unknownMediator",
            "peopleWithoutFlag");

    /** A refused row: the problem as the API reports it, with the same reasons as codes. */
    static final class RefusedRow extends ProblemException {
        private static final long serialVersionUID = 1L;
        private final transient List<Refusal> refusals;

        RefusedRow(Problem problem, List<Refusal> refusals) {
            super(problem);
            this.refusals = refusals;
        }

        List<Refusal> refusals() {
            return refusals;
        }
    }

    public record Report(int created, int repeated, int failed, List<RowError> errors) implements java.io.Serializable {
    }

    /**
     * Who imports ledgers, for the API and the portal alike: office staff and office heads for
     * their own office, the district admin for a named office.
     */
    public static boolean mayImport(CurrentUser user) {
        return user.admin() || user.is(Role.STAFF) || user.is(Role.OFFICE_HEAD);
    }

    /**
     * The office a ledger is imported for: the one asked for, or the caller's own; refused
     * (403) for a caller who may not import or asks for another office, 400 for no or an
     * unknown office.
     */
    public String officeFor(CurrentUser user, String office) {
        if (!mayImport(user)) {
            throw ProblemException.forbidden("Your role does not import ledgers.");
        }
        String officeCode = office == null || office.isBlank() ? user.officeCode() : office.strip();
        if (officeCode == null) {
            throw ProblemException.badRequest("office", "required: you do not work for an office");
        }
        if (!user.admin() && !officeCode.equals(user.officeCode())) {
            throw ProblemException.forbidden("Staff import their own office's ledger only.");
        }
        if (offices.office(officeCode).isEmpty()) {
            throw ProblemException.badRequest("office", "unknown office");
        }
        return officeCode;
    }

    /**
     * The largest ledger file taken, in bytes; larger ones are refused with 413. 50 MB: a 100,000-row
     * ledger is about 36 MB of UTF-8 CSV (13 MB as .xlsx), and the file is held whole while staged.
     */
    @Inject
    @ConfigProperty(name = "trilink.ledger.max-bytes", defaultValue = "52428800")
    long maxBytes;

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Receives an uploaded ledger whole and checks that it can be read (see {@link LedgerFile}):
     * 413, 415 or 400 for a file that is too large, of the wrong type, unreadable or of an
     * undecidable encoding, before any row is taken. The caller closes it.
     */
    public LedgerFile receive(InputStream body, String contentType, String encoding) {
        return LedgerFile.receive(body, contentType, encoding, maxBytes);
    }

    /**
     * A checked row: the dispute, its matter kind and dates. A people's mediation row is accepted
     * ({@code acceptedAt}, null: still RECEIVED) and has an outcome and the date of it
     * ({@code concludedAt}); an administrative row its filing date
     * ({@code filedAt}, none when it was resolved before filing) and resolution, whose date is
     * {@code concludedAt} too (结案/办结日期 in both registers).
     */
    public record Row(String ledgerId, ReferralMessage message, MatterKind kind, OffsetDateTime receivedAt,
                      OffsetDateTime acceptedAt, Outcome outcome, AgreementForm form, OffsetDateTime concludedAt,
                      OffsetDateTime filedAt, AdminResolution resolution, OffsetDateTime closedAt,
                      Agreement agreement, org.trilink.cases.entity.Averted averted,
                      List<Visit> visits, String office, List<Mediator> mediators, List<Referral> referrals) {

        /** The row's first referral, or null; {@link #referrals()} has the whole chain. */
        public Referral referral() {
            return referrals.isEmpty() ? null : referrals.get(0);
        }

        /** The office that has the case at the end of its referrals (the last accepting one), or its own. */
        public String holder() {
            return LedgerImport.holder(office, referrals);
        }
    }

    /** Who has a case after its referrals: the office that accepted the last accepted one, or the first. */
    static String holder(String office, List<Referral> referrals) {
        String holder = office;
        for (Referral r : referrals) {
            if (r.decision() == ReferralStatus.ACCEPTED) {
                holder = r.to();
            }
        }
        return holder;
    }

    /**
     * One referral of the row: from the office that has the case to another, sent, and decided
     * (ACCEPTED, REJECTED, RECALLED at {@code decidedAt}) or still PENDING.
     */
    public record Referral(String from, String to, OffsetDateTime sentAt, ReferralStatus decision,
                           OffsetDateTime decidedAt, String reason, String rejection) {
    }

    /** A mediator the ledger names, found among the handling office's staff. */
    public record Mediator(org.trilink.offices.entity.Staff person, MediatorCapacity capacity) {
    }

    /** A successful outcome's agreement as the ledger has it; every part optional. */
    public record Agreement(String terms, BigDecimal amount, java.time.LocalDate performanceDeadline) {
    }

    /** A follow-up visit of the ledger (回访日期, 回访方式, 履行情况, 满意度, numbered from the second on). */
    public record Visit(OffsetDateTime at, FollowUpMethod method, Performance performance, int satisfaction) {
    }

    /** The most follow-up visits one row carries (回访日期 … 回访日期9). */
    static final int MOST_VISITS = 9;

    /** The most referrals one row carries (转介单位 … 转介单位9). */
    static final int MOST_REFERRALS = 9;

    Row parse(Map<String, String> row, ZoneId zone, String importingOffice, boolean anyOffice) {
        return parse(row, zone, importingOffice, anyOffice, new Lookups());
    }

    /**
     * The offices and staff a file's rows name, each looked up once per file: every row of a
     * ledger names the same few (its mediators, the office they work for, the station a case came
     * from), and a query for each, every row, was a sixth of a 100,000-row import's time.
     */
    final class Lookups {
        private final Map<String, java.util.Optional<org.trilink.offices.entity.Office>> byCode = new java.util.HashMap<>();
        private final Map<String, java.util.Optional<org.trilink.offices.entity.Staff>> people = new java.util.HashMap<>();
        private List<org.trilink.offices.entity.Office> all;

        java.util.Optional<org.trilink.offices.entity.Office> office(String code) {
            return byCode.computeIfAbsent(code, offices::office);
        }

        List<org.trilink.offices.entity.Office> offices() {
            if (all == null) {
                all = offices.offices(null, null);
            }
            return all;
        }

        java.util.Optional<org.trilink.offices.entity.Staff> person(String office, String name) {
            return people.computeIfAbsent(office + '\n' + name, k -> staff.named(office, name));
        }
    }

    /** New look-ups for the rows of one file: pass the same to {@link #parse} for each of its rows. */
    Lookups lookups() {
        return new Lookups();
    }

    Row parse(Map<String, String> row, ZoneId zone, String importingOffice, boolean anyOffice, Lookups lookups) {
        Faults errors = new Faults();
        String office = office(blank(row.get("handlingOffice")), importingOffice, anyOffice, errors, lookups);
        List<Referral> referrals = referrals(row, zone, office, errors, lookups);
        ReferralMessage m = new ReferralMessage();
        m.externalId = blank(row.get("ledgerId"));
        MatterKind kind = MatterKind.PEOPLES_MEDIATION;
        String k = LedgerValues.code("matterKind", blank(row.get("matterKind")));
        if (k != null) {
            try {
                kind = MatterKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                errors.add("matterKind", "unknown code", "unknownCode");
            }
        }
        boolean administrative = kind == MatterKind.ADMINISTRATIVE;
        m.channel = row.getOrDefault("channel", "").isBlank() ? "LEDGER_IMPORT"
                : LedgerValues.code("channel", row.get("channel"));
        m.disputeType = LedgerValues.code("disputeType", blank(row.get("disputeType")));
        if (m.disputeType == null && administrative) {
            // an administrative register has no dispute type of people's mediation
            m.disputeType = "OTHER";
        }
        m.summary = blank(row.get("summary"));
        m.regionCode = region(blank(row.get("regionCode")));
        m.address = blank(row.get("address"));
        m.riskLevel = LedgerValues.code("riskLevel", blank(row.get("riskLevel")));
        String amount = blank(row.get("amountInvolved"));
        if (amount != null) {
            try {
                m.amountInvolved = new BigDecimal(amount.replace(",", "").replace("，", "").replace("元", "").strip());
            } catch (NumberFormatException e) {
                errors.add("amountInvolved", "not a number", "notANumber");
            }
        }
        String people = blank(row.get("peopleInvolved"));
        try {
            m.peopleInvolved = people == null ? 2 : (int) Double.parseDouble(people.replace("人", "").strip());
        } catch (NumberFormatException e) {
            errors.add("peopleInvolved", "not a whole number", "notAWholeNumber");
        }
        m.parties = new ArrayList<>();
        PartyRequest applicant = new PartyRequest();
        applicant.role = "APPLICANT";
        applicant.kind = "PERSON";
        applicant.name = blank(row.get("applicantName"));
        applicant.idNumber = blank(row.get("applicantIdNumber"));
        applicant.phone = blank(row.get("applicantPhone"));
        m.parties.add(applicant);
        if (blank(row.get("respondentName")) != null) {
            PartyRequest respondent = new PartyRequest();
            respondent.role = "RESPONDENT";
            respondent.kind = row.getOrDefault("respondentKind", "").isBlank() ? "PERSON"
                    : LedgerValues.code("respondentKind", row.get("respondentKind"));
            respondent.name = blank(row.get("respondentName"));
            m.parties.add(respondent);
        }
        boolean hasReceived = blank(row.get("receivedAt")) != null;
        OffsetDateTime received = date(row.get(hasReceived ? "receivedAt" : "acceptedAt"), zone,
                hasReceived ? "receivedAt" : "acceptedAt", errors, false);
        if (!hasReceived && blank(row.get("acceptedAt")) == null) {
            errors.add("receivedAt", "required (or acceptedAt)", "required");
        }
        Outcome outcome = null;
        String o = LedgerValues.code("outcome", blank(row.get("outcome")));
        if (o != null) {
            try {
                outcome = Outcome.valueOf(o);
            } catch (IllegalArgumentException e) {
                errors.add("outcome", "unknown code", "unknownCode");
            }
        }
        AgreementForm form = null;
        String f = LedgerValues.code("agreementForm", blank(row.get("agreementForm")));
        if (f != null) {
            try {
                form = AgreementForm.valueOf(f);
            } catch (IllegalArgumentException e) {
                errors.add("agreementForm", "unknown code", "unknownCode");
            }
        }
        AdminResolution resolution = null;
        String a = LedgerValues.code("adminResolution", blank(row.get("adminResolution")));
        if (a != null) {
            try {
                resolution = AdminResolution.valueOf(a);
            } catch (IllegalArgumentException e) {
                errors.add("adminResolution", "unknown code", "unknownCode");
            }
        }
        if (administrative && outcome != null) {
            errors.add("outcome", "an administrative matter has a resolution (adminResolution), not an outcome",
                    "notForKind");
        }
        if (!administrative && (resolution != null || blank(row.get("filedAt")) != null)) {
            errors.add(resolution != null ? "adminResolution" : "filedAt",
                    "for administrative matters only (matterKind ADMINISTRATIVE)", "notForKind");
        }
        OffsetDateTime filed = date(row.get("filedAt"), zone, "filedAt", errors,
                administrative && resolution != null && resolution != AdminResolution.RESOLVED_BEFORE_FILING);
        if (filed != null && resolution == AdminResolution.RESOLVED_BEFORE_FILING) {
            errors.add("filedAt", "a matter resolved before filing has no filing date", "notForKind");
        }
        // an administrative matter is received, then filed; people's mediation accepted (受理), by
        // the ledger's date or, for a row with its outcome, on the day it was received
        OffsetDateTime accepted = administrative || !hasReceived ? null
                : date(row.get("acceptedAt"), zone, "acceptedAt", errors, false);
        if (!administrative && accepted == null && outcome != null) {
            accepted = received;
        }
        OffsetDateTime concluded = date(row.get("concludedAt"), zone, "concludedAt", errors,
                outcome != null || resolution != null);
        OffsetDateTime closed = date(row.get("closedAt"), zone, "closedAt", errors, false);
        if (closed != null && outcome == null && resolution == null) {
            errors.add("closedAt", "closed without an outcome or resolution", "notConcluded");
        }
        if (!administrative && blank(row.get("acceptedAt")) != null && !hasReceived) {
            accepted = received;
        }
        inOrder(errors, "receivedAt", received, "acceptedAt", accepted);
        inOrder(errors, "receivedAt", received, "filedAt", filed);
        String last = filed != null ? "filedAt" : accepted != null ? "acceptedAt" : "receivedAt";
        OffsetDateTime lastAt = filed != null ? filed : accepted != null ? accepted : received;
        inOrder(errors, last, lastAt, "concludedAt", concluded);
        inOrder(errors, "concludedAt", concluded, "closedAt", closed);
        if (!referrals.isEmpty()) {
            inOrder(errors, "receivedAt", received, "referredAt", referrals.get(0).sentAt());
        }
        // the agreement: only a success has one
        String terms = blank(row.get("agreementTerms"));
        BigDecimal agreed = null;
        String agreedText = blank(row.get("agreementAmount"));
        if (agreedText != null) {
            try {
                agreed = new BigDecimal(agreedText.replace(",", "").replace("，", "").replace("元", "").strip());
                if (agreed.signum() < 0 || agreed.scale() > 2 || agreed.precision() - agreed.scale() > 10) {
                    errors.add("agreementAmount", "0 or more, at most 10 digits and 2 decimals", "digits");
                }
            } catch (NumberFormatException e) {
                errors.add("agreementAmount", "not a number", "notANumber");
            }
        }
        OffsetDateTime deadline = date(row.get("performanceDeadline"), zone, "performanceDeadline", errors, false);
        if ((terms != null || agreedText != null || deadline != null) && outcome != Outcome.SUCCESS) {
            errors.add(terms != null ? "agreementTerms" : agreedText != null ? "agreementAmount" : "performanceDeadline",
                    "only a SUCCESS has an agreement", "notForKind");
        }
        if (terms != null && terms.length() > 4000) {
            errors.add("agreementTerms", "at most 4000 characters", "tooLong");
        }
        org.trilink.cases.entity.Averted averted = averted(row, errors);
        List<Visit> visits = visits(row, zone, errors, concluded, administrative || outcome == null);
        String registeredBy = referrals.isEmpty() ? office : referrals.get(0).from();
        // the mediators are the staff of the office that has the case at the end of its referrals
        List<Mediator> mediators = mediators(lookups, blank(row.get("mediators")),
                holder(registeredBy, referrals), administrative, errors);
        Faults all = new Faults();
        for (ConstraintViolation<ReferralMessage> v : intake.violations(m)) {
            String field = PartnerIntake.fieldOf(v);
            Refusal refusal = refusal(column(field), v);
            all.errors.add(new Problem.FieldError("externalId".equals(field) ? "ledgerId" : field, v.getMessage()));
            all.refusals.add(refusal);
        }
        all.errors.addAll(errors.errors);
        all.refusals.addAll(errors.refusals);
        if (m.regionCode != null && !offices.isRegion(m.regionCode)) {
            all.add("regionCode", "unknown region code", "unknownRegion");
        }
        if (!all.errors.isEmpty()) {
            throw new RefusedRow(Problem.of(400, "Bad Request", "invalid row").withErrors(all.errors),
                    List.copyOf(all.refusals));
        }
        return new Row(m.externalId, m, kind, received, accepted, outcome, form, concluded, filed, resolution,
                closed, new Agreement(terms, agreed, deadline == null ? null : deadline.atZoneSameInstant(zone)
                        .toLocalDate()), averted, visits, registeredBy, mediators, referrals);
    }

    /**
     * A row's referrals, a chain in date order: the first from 转出单位 to 转介单位 (one of them the
     * row's office, the other one defaulting to it), each further one (转介单位2, 转介日期2 …) from
     * the office that had the case after the one before (the office that accepted it; the sender
     * when it was rejected or recalled), sent not before the previous one was decided. Each is
     * sent (转介日期) and decided (转介结果; blank: accepted when it has a 接收日期, else pending);
     * only the last may still be pending. The row's office is one of the chain's offices.
     */
    private List<Referral> referrals(Map<String, String> row, ZoneId zone, String office, Faults errors,
                                     Lookups lookups) {
        List<Referral> chain = new ArrayList<>();
        int faults = errors.errors.size();
        for (int i = 1; i <= MOST_REFERRALS && errors.errors.size() == faults; i++) {
            // a fault in one referral stops the chain there: the later ones can not be checked against it
            Referral previous = chain.size() == i - 1 && i > 1 ? chain.get(i - 2) : null;
            Referral next = referral(row, zone, office, i, previous, errors, lookups);
            if (next != null) {
                chain.add(next);
            }
        }
        if (errors.errors.size() > faults || chain.isEmpty()) {
            return List.of();
        }
        boolean ofTheRow = chain.get(0).from().equals(office) || chain.stream().anyMatch(r -> r.to().equals(office));
        if (!ofTheRow) {
            errors.add("referralFrom", "a referral of the row comes from or goes to its office", "otherOffice");
            return List.of();
        }
        return List.copyOf(chain);
    }

    /** The row's referral number {@code i} (its columns unnumbered for the first), null if none or a fault. */
    private Referral referral(Map<String, String> row, ZoneId zone, String office, int i, Referral previous,
                              Faults errors, Lookups lookups) {
        String n = i == 1 ? "" : String.valueOf(i);
        String fromNamed = blank(row.get("referralFrom" + n));
        String toNamed = blank(row.get("referralTo" + n));
        String sent = blank(row.get("referredAt" + n));
        boolean first = i == 1;
        if (toNamed == null && (fromNamed == null || !first)) {
            for (String column : List.of("referralFrom", "referredAt", "referralDecision", "referralDecidedAt",
                    "referralReason", "referralRejection")) {
                if (blank(row.get(column + n)) != null) {
                    errors.add("referralTo" + n, first ? "required for a referral (or referralFrom)"
                            : "required for a referral", "required");
                    break;
                }
            }
            return null;
        }
        if (!first && previous == null) {
            errors.add("referralTo" + n, "referrals are numbered without a gap: the one before is missing", "required");
            return null;
        }
        if (previous != null && previous.decision() == ReferralStatus.PENDING) {
            errors.add("referralTo" + n, "only the last referral may be pending", "invalid");
            return null;
        }
        // the chain goes on from whoever has the case after the previous referral
        String holder = previous == null ? office
                : previous.decision() == ReferralStatus.ACCEPTED ? previous.to() : previous.from();
        String from = fromNamed == null ? holder : officeCode(fromNamed, "referralFrom" + n, errors, lookups);
        String to = toNamed == null ? office : officeCode(toNamed, "referralTo" + n, errors, lookups);
        if (from == null || to == null) {
            return null;
        }
        if (previous != null && !from.equals(holder)) {
            errors.add("referralFrom" + n, "a further referral goes from the office that had the case after the one"
                    + " before", "otherOffice");
            return null;
        }
        if (from.equals(to)) {
            errors.add("referralTo" + n, "a referral goes to another office", "invalid");
            return null;
        }
        OffsetDateTime sentAt = date(sent, zone, "referredAt" + n, errors, true);
        OffsetDateTime decidedAt = date(row.get("referralDecidedAt" + n), zone, "referralDecidedAt" + n, errors,
                false);
        String d = LedgerValues.code("referralDecision", blank(row.get("referralDecision" + n)));
        ReferralStatus decision = decidedAt != null ? ReferralStatus.ACCEPTED : ReferralStatus.PENDING;
        if (d != null) {
            try {
                decision = ReferralStatus.valueOf(d);
            } catch (IllegalArgumentException e) {
                errors.add("referralDecision" + n, "unknown code", "unknownCode");
            }
        }
        if (decision != ReferralStatus.PENDING && decidedAt == null) {
            errors.add("referralDecidedAt" + n, "required for a decided referral", "required");
        }
        if (decision == ReferralStatus.PENDING && decidedAt != null) {
            errors.add("referralDecidedAt" + n, "a pending referral is not decided", "notForKind");
        }
        if (previous != null) {
            inOrder(errors, "referralDecidedAt" + (i == 2 ? "" : String.valueOf(i - 1)), previous.decidedAt(),
                    "referredAt" + n, sentAt);
        }
        inOrder(errors, "referredAt" + n, sentAt, "referralDecidedAt" + n, decidedAt);
        String reason = blank(row.get("referralReason" + n));
        return new Referral(from, to, sentAt, decision, decidedAt, reason == null ? "台账记载的转介" : reason,
                blank(row.get("referralRejection" + n)));
    }

    /** An office by code or name, or null with the row's fault. */
    private String officeCode(String named, String column, Faults errors, Lookups lookups) {
        java.util.Optional<org.trilink.offices.entity.Office> found = officeNamed(named, lookups);
        if (found.isEmpty()) {
            errors.add(column, "unknown office", "unknownCode");
            return null;
        }
        return found.get().code();
    }

    private java.util.Optional<org.trilink.offices.entity.Office> officeNamed(String named, Lookups lookups) {
        java.util.Optional<org.trilink.offices.entity.Office> found = lookups.office(named);
        if (found.isEmpty()) {
            found = lookups.offices().stream()
                    .filter(o -> named.equals(o.nameZh()) || named.equalsIgnoreCase(o.nameEn())).findFirst();
        }
        return found;
    }

    /** The handling office by code or Chinese name; the importing office when the ledger names none. */
    private String office(String named, String importingOffice, boolean anyOffice, Faults errors, Lookups lookups) {
        if (named == null || named.equals(importingOffice)) {
            return importingOffice;
        }
        java.util.Optional<org.trilink.offices.entity.Office> found = officeNamed(named, lookups);
        if (found.isEmpty() || !found.get().active()) {
            errors.add("handlingOffice", "unknown or inactive office", "unknownCode");
            return importingOffice;
        }
        if (!anyOffice && !found.get().code().equals(importingOffice)) {
            errors.add("handlingOffice", "staff import their own office's cases only", "otherOffice");
            return importingOffice;
        }
        return found.get().code();
    }

    /**
     * The mediators a row names (调解员: usernames or names as the office's staff are shown,
     * separated by 、，, ; or blanks), each in the capacity of their office's kind. A name that is
     * nobody of the handling office refuses the row: the office adds the person (or removes the
     * name) and imports the row again.
     */
    private List<Mediator> mediators(Lookups lookups, String names, String office, boolean administrative,
                                     Faults errors) {
        if (names == null) {
            return List.of();
        }
        if (administrative) {
            errors.add("mediators", "for people's mediation only", "notForKind");
            return List.of();
        }
        org.trilink.offices.entity.OfficeType type = lookups.office(office).map(o -> o.type()).orElse(null);
        MediatorCapacity capacity = type == org.trilink.offices.entity.OfficeType.LAW_FIRM ? MediatorCapacity.LAWYER
                : type == org.trilink.offices.entity.OfficeType.POLICE_STATION ? MediatorCapacity.POLICE_OFFICER
                : MediatorCapacity.PEOPLES_MEDIATOR;
        List<Mediator> found = new ArrayList<>();
        for (String name : names.split("[、,，;；/\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            java.util.Optional<org.trilink.offices.entity.Staff> person = lookups.person(office, name.strip());
            if (person.isEmpty()) {
                errors.add("mediators", "nobody of the office is called " + name.strip(), "unknownMediator");
            } else if (found.stream().noneMatch(m -> m.person().id().equals(person.get().id()))) {
                found.add(new Mediator(person.get(), capacity));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The averted escalations with their people (防止民转刑 / 防止民转刑人数, 防止群体性上访 /
     * 防止群体性上访人数). A number of people implies its flag when the flag's column is blank or
     * absent (some ledgers keep the count alone); it contradicts a flag of 否 (refused). A flag
     * without people is taken as it is: statistics then count the case's people involved. A count
     * is a whole number from 1 to 100000, "12人" read as 12; 0 or blank means none, and is refused
     * next to a flag of 是.
     */
    static org.trilink.cases.entity.Averted averted(Map<String, String> row, Faults errors) {
        boolean criminalFlag = blank(row.get("criminalCaseAverted")) != null;
        boolean criminal = flag(row, "criminalCaseAverted", errors);
        Integer criminalPeople = people(row, "criminalCaseAvertedPeople", criminalFlag, criminal, errors);
        boolean massFlag = blank(row.get("massPetitionAverted")) != null;
        boolean mass = flag(row, "massPetitionAverted", errors);
        Integer massPeople = people(row, "massPetitionAvertedPeople", massFlag, mass, errors);
        return new org.trilink.cases.entity.Averted(criminal || !criminalFlag && criminalPeople != null, criminalPeople,
                mass || !massFlag && massPeople != null, massPeople);
    }

    /** A flag's people; null for none, and for a fault (added to {@code errors}). */
    private static Integer people(Map<String, String> row, String column, boolean flagGiven, boolean flag,
                                  Faults errors) {
        String v = blank(row.get(column));
        if (v == null) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(v.replace(",", "").replace("，", "").replace("人", "").strip());
        } catch (NumberFormatException e) {
            errors.add(column, "not a whole number", "notAWholeNumber");
            return null;
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            errors.add(column, "not a whole number", "notAWholeNumber");
            return null;
        }
        if (n.signum() == 0 && !flag) {
            return null;
        }
        if (n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(org.trilink.cases.entity.Averted.MOST_PEOPLE)) > 0) {
            errors.add(column, "a whole number from 1 to " + org.trilink.cases.entity.Averted.MOST_PEOPLE, "outOfRange");
            return null;
        }
        if (flagGiven && !flag) {
            errors.add(column, "people without the flag: the flag's column says no", "peopleWithoutFlag");
            return null;
        }
        return n.intValueExact();
    }

    private static boolean flag(Map<String, String> row, String column, Faults errors) {
        String v = blank(row.get(column));
        Boolean yes = LedgerValues.yes(v);
        if (v != null && yes == null) {
            errors.add(column, "not yes or no (是/否)", "unknownCode");
        }
        return Boolean.TRUE.equals(yes);
    }

    /**
     * The row's follow-up visits: 回访日期 with 回访方式, 履行情况, 满意度, then the same columns
     * numbered 2 … 9. A visit has a date; method, performance and satisfaction default to a
     * visit, performed and 5 only when the ledger leaves them blank, as ledgers often do.
     */
    private static List<Visit> visits(Map<String, String> row, ZoneId zone, Faults errors, OffsetDateTime concluded,
                                      boolean noOutcome) {
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i <= MOST_VISITS; i++) {
            String n = i == 1 ? "" : String.valueOf(i);
            String atColumn = "followUpAt" + n;
            String at = blank(row.get(atColumn));
            if (at == null && i == 1) {
                at = blank(row.get("followUpAt1"));
                if (at != null) {
                    atColumn = "followUpAt1";
                    n = "1";
                }
            }
            String method = blank(row.get("followUpMethod" + n));
            String performance = blank(row.get("followUpPerformance" + n));
            String satisfaction = blank(row.get("followUpSatisfaction" + n));
            if (at == null) {
                if (method != null || performance != null || satisfaction != null) {
                    errors.add(atColumn, "required for a follow-up visit", "required");
                }
                continue;
            }
            if (noOutcome) {
                errors.add(atColumn, "a follow-up visit follows an outcome", "notConcluded");
                continue;
            }
            OffsetDateTime when = date(at, zone, atColumn, errors, true);
            inOrder(errors, "concludedAt", concluded, atColumn, when);
            FollowUpMethod how = FollowUpMethod.VISIT;
            if (method != null) {
                try {
                    how = FollowUpMethod.valueOf(LedgerValues.code("followUpMethod", method));
                } catch (IllegalArgumentException e) {
                    errors.add("followUpMethod" + n, "unknown code", "unknownCode");
                }
            }
            Performance done = Performance.PERFORMED;
            if (performance != null) {
                try {
                    done = Performance.valueOf(LedgerValues.code("followUpPerformance", performance));
                } catch (IllegalArgumentException e) {
                    errors.add("followUpPerformance" + n, "unknown code", "unknownCode");
                }
            }
            Integer satisfied = satisfaction == null ? Integer.valueOf(5) : LedgerValues.satisfaction(satisfaction);
            if (satisfied == null) {
                errors.add("followUpSatisfaction" + n, "1 to 5, or 满意/基本满意/不满意", "outOfRange");
            }
            if (when != null && satisfied != null) {
                visits.add(new Visit(when, how, done, satisfied));
            }
        }
        return List.copyOf(visits);
    }

    /** Why a moment of a row is refused when it lies ahead of now. */
    static final String FUTURE = "in the future: a past case happened before now";

    /** A date must not lie before the one it follows (received, accepted, filed, concluded, closed). */
    private static void inOrder(Faults errors, String earlierColumn, OffsetDateTime earlier, String column,
                                OffsetDateTime later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            errors.add(column, "before " + earlierColumn, "beforeReceived");
        }
    }

    private static OffsetDateTime date(String value, ZoneId zone, String field, Faults errors, boolean required) {
        String v = blank(value);
        if (v == null) {
            if (required) {
                errors.add(field, "required", "required");
            }
            return null;
        }
        java.util.Optional<OffsetDateTime> at = LedgerValues.date(v, zone);
        if (at.isEmpty()) {
            errors.add(field, "not a date (yyyy-MM-dd, yyyy/M/d or yyyy年M月d日)", "notADate");
        } else if (!field.startsWith("performanceDeadline") && at.get().isAfter(OffsetDateTime.now(zone))) {
            // a ledger records what has happened (a day alone is its start): only an agreement's
            // deadline to perform may lie ahead
            errors.add(field, FUTURE, "future");
        }
        return at.orElse(null);
    }

    /** A row's faults as the API words them and as codes for the page, in the same order. */
    static final class Faults {
        final List<Problem.FieldError> errors = new ArrayList<>();
        final List<Refusal> refusals = new ArrayList<>();

        void add(String column, String message, String code) {
            errors.add(new Problem.FieldError(column, message));
            refusals.add(new Refusal(column, code, null));
        }
    }

    /** The ledger column a field of the referral message comes from. */
    static String column(String field) {
        if ("externalId".equals(field)) {
            return "ledgerId";
        }
        for (String[] party : new String[][] {{"parties[0].", "applicant"}, {"parties[1].", "respondent"}}) {
            if (field.startsWith(party[0]) && field.length() > party[0].length()) {
                String rest = field.substring(party[0].length());
                return party[1] + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return field;
    }

    /** The stable code of a broken constraint, by its kind; the limit where the user needs it. */
    static Refusal refusal(String column, ConstraintViolation<?> v) {
        java.lang.annotation.Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        String code = switch (constraint.annotationType().getSimpleName()) {
            case "NotBlank", "NotNull", "NotEmpty" -> "required";
            case "CodeOf" -> "unknownCode";
            case "Size" -> "tooLong";
            case "ResidentId" -> "residentId";
            case "Mobile" -> "mobile";
            case "CreditCode" -> "creditCode";
            case "Min", "Max", "DecimalMin", "DecimalMax" -> "outOfRange";
            case "Digits" -> "digits";
            case "PastOrPresent" -> "future";
            case "AssertTrue" -> "identifierFitsKind";
            default -> "invalid";
        };
        Object max = v.getConstraintDescriptor().getAttributes().get("max");
        return new Refusal(column, code, "tooLong".equals(code) && max != null ? String.valueOf(max) : null);
    }

    /** A region code, or the code of a town or street named as the ledger writes it (赵巷镇, 赵巷). */
    private String region(String value) {
        if (value == null || offices.isRegion(value)) {
            return value;
        }
        return offices.regionNamed(value).orElse(value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
