package org.trilink.partners.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.boundary.DisputeRequest;
import org.trilink.cases.boundary.PartyRequest;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.Performance;
import org.trilink.platform.validation.CodeOf;
import org.trilink.referrals.entity.ReferralStatus;

/**
 * A past case with its real dates and facts (补录): the intake's dispute (the same fields and
 * rules as {@code POST /api/v1/cases}) plus what a ledger row records of its course. It maps onto
 * the ledger import's keys ({@link #toRow()}), so that one set of checks decides for both doors.
 * Moments are strings, as a ledger has them: an ISO date-time with offset, or a day (yyyy-MM-dd,
 * the start of that day in the district's time zone), each refused by name when it is neither.
 */
@Schema(name = "CaseBackfillRequest", description = "A past case registered after the fact (补录) with its real dates")
public class CaseBackfillRequest extends DisputeRequest {

    private static final String MOMENT = "ISO date-time with offset (2023-03-15T10:00+08:00) or a day (2023-03-15)";

    @Schema(description = "the office's own ledger or register number (编号); kept, searchable, and the case's register"
            + " number when it is one of the office's; re-sending the same case under it answers the case made")
    @Size(max = 64)
    public String ledgerNumber;

    @Schema(description = "PEOPLES_MEDIATION (default) or ADMINISTRATIVE")
    @CodeOf(MatterKind.class)
    public String matterKind;

    @Schema(description = "office code; the district admin names it, an office head may leave it out (their own)")
    @Size(max = 40)
    public String handlingOffice;

    @Schema(description = "received (登记/收案); " + MOMENT + "; default: acceptedAt")
    @Size(max = 40)
    public String receivedAt;

    @Schema(description = "people's mediation: accepted (受理); " + MOMENT + "; without it and without an outcome the"
            + " case stays RECEIVED")
    @Size(max = 40)
    public String acceptedAt;

    @Schema(description = "usernames or names of the handling office's staff who mediated")
    @Size(max = 20)
    public List<@NotBlank @Size(max = 64) String> mediators;

    @Schema(description = "a referral between the receiving office and another")
    @Valid
    public Referral referral;

    @Schema(description = "people's mediation: SUCCESS, FAILURE or WITHDRAWN; none: the case is still open")
    @CodeOf(Outcome.class)
    public String outcome;

    @Schema(description = "when the outcome (people's mediation) or the resolution (administrative) was reached"
            + " (结案/办结日期); " + MOMENT)
    @Size(max = 40)
    public String concludedAt;

    @Schema(description = "a SUCCESS's agreement")
    @Valid
    public Agreement agreement;

    @Schema(description = "follow-up visits after the outcome, oldest first")
    @Size(max = 9)
    public List<@NotNull @Valid Visit> followUps;

    @Schema(description = "kept from turning into a criminal case (防止民转刑)")
    public Boolean criminalCaseAverted;

    @Schema(description = "kept from turning into a mass petition (防止群体性上访)")
    public Boolean massPetitionAverted;

    @Schema(description = "administrative: filed (立案); " + MOMENT + "; none when resolved before filing")
    @Size(max = 40)
    public String filedAt;

    @Schema(description = "administrative: RESOLVED_BEFORE_FILING, MEDIATED, WITHDRAWN, UPHELD or CORRECTED")
    @CodeOf(AdminResolution.class)
    public String adminResolution;

    @Schema(description = "closed and filed away (归档); " + MOMENT)
    @Size(max = 40)
    public String closedAt;

    @Schema(name = "CaseBackfillReferral", description = "A referral of the past case: from the office that received"
            + " it to another (one of them the handling office)")
    public static class Referral {
        @Schema(description = "office code or name; default: the handling office")
        @Size(max = 100)
        public String from;

        @Schema(description = "office code or name; default: the handling office")
        @Size(max = 100)
        public String to;

        @Schema(description = "sent; " + MOMENT)
        @NotBlank
        @Size(max = 40)
        public String sentAt;

        @Schema(description = "ACCEPTED, REJECTED, RECALLED or PENDING; default: ACCEPTED when decidedAt is given")
        @CodeOf(ReferralStatus.class)
        public String decision;

        @Schema(description = "decided; " + MOMENT)
        @Size(max = 40)
        public String decidedAt;

        @Size(max = 1000)
        public String reason;

        @Schema(description = "why it was sent back (REJECTED)")
        @Size(max = 1000)
        public String rejection;
    }

    @Schema(name = "CaseBackfillAgreement", description = "The agreement of a SUCCESS")
    public static class Agreement {
        @Schema(description = "WRITTEN (调解协议书) or ORAL")
        @CodeOf(AgreementForm.class)
        public String form;

        @Size(max = 4000)
        public String terms;

        @DecimalMin("0.00")
        @DecimalMax("9999999999.99")
        @Digits(integer = 10, fraction = 2)
        public BigDecimal amount;

        @Schema(description = "a day (yyyy-MM-dd)")
        @Size(max = 40)
        public String performanceDeadline;
    }

    @Schema(name = "CaseBackfillVisit", description = "A follow-up visit (回访)")
    public static class Visit {
        @Schema(description = MOMENT)
        @NotBlank
        @Size(max = 40)
        public String at;

        @Schema(description = "VISIT (default), PHONE or ONLINE")
        @CodeOf(FollowUpMethod.class)
        public String method;

        @Schema(description = "PERFORMED (default), PARTLY or NOT_PERFORMED")
        @CodeOf(Performance.class)
        public String performance;

        @Schema(description = "1 to 5; default 5")
        @Min(1)
        @Max(5)
        public Integer satisfaction;
    }

    /** Whether the parties name an applicant, as every case needs. */
    boolean hasApplicant() {
        return parties != null && parties.stream().anyMatch(p -> p != null && "APPLICANT".equals(p.role));
    }

    /** The request as a row of the ledger import's keys, for its checks and its storing. */
    Map<String, String> toRow(String office) {
        Map<String, String> row = new LinkedHashMap<>();
        put(row, "ledgerId", ledgerNumber);
        put(row, "matterKind", matterKind);
        put(row, "handlingOffice", office);
        put(row, "channel", channel);
        put(row, "disputeType", disputeType);
        put(row, "summary", summary);
        put(row, "regionCode", regionCode);
        put(row, "address", address);
        put(row, "amountInvolved", amountInvolved == null ? null : amountInvolved.toPlainString());
        put(row, "peopleInvolved", peopleInvolved == null ? null : peopleInvolved.toString());
        put(row, "riskLevel", riskLevel);
        // the row's own party columns only let its checks run; the whole parties replace them
        PartyRequest applicant = first("APPLICANT");
        PartyRequest respondent = first("RESPONDENT");
        put(row, "applicantName", applicant == null ? null : applicant.name);
        put(row, "respondentName", respondent == null ? null : respondent.name);
        put(row, "respondentKind", respondent == null ? null : respondent.kind);
        put(row, "receivedAt", receivedAt);
        put(row, "acceptedAt", acceptedAt);
        put(row, "mediators", mediators == null ? null : String.join("、", mediators));
        if (referral != null) {
            put(row, "referralFrom", referral.from);
            put(row, "referralTo", referral.to);
            put(row, "referredAt", referral.sentAt);
            put(row, "referralDecision", referral.decision);
            put(row, "referralDecidedAt", referral.decidedAt);
            put(row, "referralReason", referral.reason);
            put(row, "referralRejection", referral.rejection);
        }
        put(row, "outcome", outcome);
        put(row, "concludedAt", concludedAt);
        if (agreement != null) {
            put(row, "agreementForm", agreement.form);
            put(row, "agreementTerms", agreement.terms);
            put(row, "agreementAmount", agreement.amount == null ? null : agreement.amount.toPlainString());
            put(row, "performanceDeadline", agreement.performanceDeadline);
        }
        if (followUps != null) {
            for (int i = 0; i < followUps.size(); i++) {
                Visit v = followUps.get(i);
                String n = i == 0 ? "" : String.valueOf(i + 1);
                put(row, "followUpAt" + n, v.at);
                put(row, "followUpMethod" + n, v.method);
                put(row, "followUpPerformance" + n, v.performance);
                put(row, "followUpSatisfaction" + n, v.satisfaction == null ? null : v.satisfaction.toString());
            }
        }
        put(row, "criminalCaseAverted", criminalCaseAverted == null ? null : criminalCaseAverted.toString());
        put(row, "massPetitionAverted", massPetitionAverted == null ? null : massPetitionAverted.toString());
        put(row, "filedAt", filedAt);
        put(row, "adminResolution", adminResolution);
        put(row, "closedAt", closedAt);
        return row;
    }

    private PartyRequest first(String role) {
        return parties == null ? null
                : parties.stream().filter(p -> p != null && role.equals(p.role)).findFirst().orElse(null);
    }

    private static void put(Map<String, String> row, String key, String value) {
        if (value != null) {
            row.put(key, value);
        }
    }

    private static final Pattern VISIT_COLUMN = Pattern.compile("followUp(At|Method|Performance|Satisfaction)(\\d*)");

    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("ledgerId", "ledgerNumber"),
            Map.entry("applicantName", "parties"), Map.entry("applicantIdNumber", "parties"),
            Map.entry("applicantPhone", "parties"), Map.entry("respondentName", "parties"),
            Map.entry("respondentKind", "parties"), Map.entry("referralFrom", "referral.from"),
            Map.entry("referralTo", "referral.to"), Map.entry("referredAt", "referral.sentAt"),
            Map.entry("referralDecision", "referral.decision"), Map.entry("referralDecidedAt", "referral.decidedAt"),
            Map.entry("referralReason", "referral.reason"), Map.entry("referralRejection", "referral.rejection"),
            Map.entry("agreementForm", "agreement.form"), Map.entry("agreementTerms", "agreement.terms"),
            Map.entry("agreementAmount", "agreement.amount"),
            Map.entry("performanceDeadline", "agreement.performanceDeadline"));

    /** The request's field a ledger column's fault is about ({@code followUpAt2}: {@code followUps[1].at}). */
    static String field(String column) {
        if (column == null) {
            return "body";
        }
        Matcher visit = VISIT_COLUMN.matcher(column);
        if (visit.matches()) {
            int n = visit.group(2).isEmpty() ? 1 : Integer.parseInt(visit.group(2));
            return "followUps[" + (n - 1) + "]." + Character.toLowerCase(visit.group(1).charAt(0))
                    + visit.group(1).substring(1);
        }
        return FIELDS.getOrDefault(column, column);
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    /**
     * The SHA-256 of the request's facts in one canonical form (JSON-B's, properties in name
     * order), so that the same case sent again is known however its JSON was laid out.
     */
    String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSONB.toJson(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
