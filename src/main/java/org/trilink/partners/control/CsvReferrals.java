package org.trilink.partners.control;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.trilink.cases.boundary.PartyRequest;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.StrictJson;

/**
 * The contract's CSV form of a referral: a header row naming the JSON fields, parties
 * flattened as applicant and respondent columns. One referral per record, read as RFC 4180
 * by Apache Commons CSV ({@link #FORMAT}): fields may be quoted ("a, b", "" for a quote, and a
 * quoted line break stays in its field).
 */
public final class CsvReferrals {

    public static final List<String> COLUMNS = List.of("externalId", "channel", "occurredAt", "disputeType", "summary",
            "regionCode", "address", "amountInvolved", "peopleInvolved", "riskLevel", "targetOffice",
            "applicantName", "applicantKind", "applicantIdNumber", "applicantPhone",
            "respondentName", "respondentKind", "respondentIdNumber", "respondentPhone");

    /** RFC 4180; a blank line is kept as a record, so record numbers count lines as before. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Map<String, Integer> index = new HashMap<>();

    /** The columns named by the header record's fields. */
    public CsvReferrals(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            index.put((i == 0 ? stripBom(header.get(i)) : header.get(i)).strip(), i);
        }
    }

    /** A row as a message; a value that is not even of the right type is reported in {@code errors}. */
    public ReferralMessage message(List<String> values, List<Problem.FieldError> errors) {
        ReferralMessage m = new ReferralMessage();
        // the contract's rule for any text, in a file row as in a JSON body
        index.entrySet().stream()
                .filter(c -> c.getValue() < values.size() && values.get(c.getValue()).indexOf('\0') >= 0)
                .sorted(Map.Entry.comparingByValue())
                .forEach(c -> errors.add(new Problem.FieldError(c.getKey(), StrictJson.NUL)));
        m.externalId = get(values, "externalId");
        m.channel = get(values, "channel");
        String occurred = get(values, "occurredAt");
        if (occurred != null) {
            try {
                m.occurredAt = OffsetDateTime.parse(occurred);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("occurredAt", "not an ISO-8601 date-time with offset"));
            }
        }
        m.disputeType = get(values, "disputeType");
        m.summary = get(values, "summary");
        m.regionCode = get(values, "regionCode");
        m.address = get(values, "address");
        String amount = get(values, "amountInvolved");
        if (amount != null) {
            try {
                m.amountInvolved = new BigDecimal(amount);
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("amountInvolved", "not a number"));
            }
        }
        String people = get(values, "peopleInvolved");
        if (people != null) {
            try {
                m.peopleInvolved = Integer.valueOf(people);
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("peopleInvolved", "not a whole number"));
            }
        }
        m.riskLevel = get(values, "riskLevel");
        m.targetOffice = get(values, "targetOffice");
        m.parties = new ArrayList<>();
        party(values, "APPLICANT", "applicant", m.parties);
        party(values, "RESPONDENT", "respondent", m.parties);
        return m;
    }

    private void party(List<String> values, String role, String prefix, List<PartyRequest> parties) {
        String name = get(values, prefix + "Name");
        String kind = get(values, prefix + "Kind");
        String id = get(values, prefix + "IdNumber");
        String phone = get(values, prefix + "Phone");
        if (name == null && kind == null && id == null && phone == null) {
            return;
        }
        PartyRequest p = new PartyRequest();
        p.role = role;
        p.kind = kind == null ? "PERSON" : kind;
        p.name = name;
        // an organisation's identifier is its unified social credit code
        if ("ORGANISATION".equals(p.kind)) {
            p.creditCode = id;
        } else {
            p.idNumber = id;
        }
        p.phone = phone;
        parties.add(p);
    }

    private String get(List<String> values, String column) {
        Integer i = index.get(column);
        if (i == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    public static String stripBom(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"").replace("\n", " ") + "\"";
        }
        return value;
    }
}
