package org.trilink.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V17: every case event's free-text detail becomes the JSON of its typed change (issue 19),
 * and {@code case_event} gains {@code backfilled} (entered after the fact). This is the one place
 * allowed to read the old text, and it is frozen: it carries its own copy of the formats the
 * application wrote up to V16 (and the demo data's shorter forms), calls no application code, and
 * writes the JSON field by field, so that changing the typed changes later does not change what
 * this migration does on a fresh install.
 *
 * <p>A detail in none of the known forms stops the migration with the event's id, rather than
 * store a change that says something else: every row is converted or none is.
 */
class V17__Typed_case_changes extends BaseJavaMigration {

    private static final int FLAGS = Pattern.DOTALL;
    private static final String CODE = "([A-Z][A-Z0-9_]*)";
    private static final String OFFICE = "([A-Za-z0-9][A-Za-z0-9_-]*)";
    private static final String REST = "(?:; (.*))?";

    private static final Pattern RECEIVED = Pattern.compile("channel=" + CODE + ", type=" + CODE
            + "(, from the ledger|, partner=(\\S+))?", FLAGS);
    private static final Pattern DECLINED = Pattern.compile("reason: (.*?); guidance: (.*)", FLAGS);
    private static final Pattern WITH_NOTE = Pattern.compile("([^:\\s]+)(?:: (.*))?", FLAGS);
    private static final Pattern PARTY = Pattern.compile("party (\\d+): ((?:name|idNumber|creditCode|phone|address)"
            + "(?:, (?:name|idNumber|creditCode|phone|address))*)" + REST, FLAGS);
    private static final Pattern OUTCOME = Pattern.compile("(SUCCESS|FAILURE|WITHDRAWN)(?: " + CODE + "| null)?"
            + "(?: amount=(-?[0-9.]+(?:E[+-]?[0-9]+)?))?(?: guidance=" + CODE + ")?(?:; follow-up due (\\S+))?", FLAGS);
    private static final Pattern FOLLOW_UP = Pattern.compile("method=" + CODE + " performance=" + CODE
            + " satisfaction=(\\d+)", FLAGS);
    private static final Pattern PERFORMANCE = Pattern.compile(CODE, FLAGS);
    private static final Pattern FOLLOW_UP_OVERDUE = Pattern.compile("due=(\\S+) office=" + OFFICE, FLAGS);
    private static final Pattern MEDIATOR = Pattern.compile("(\\S+) as " + CODE + " of " + OFFICE, FLAGS);
    private static final Pattern SESSION_SCHEDULED = Pattern.compile("session=(\\d+) at=(\\S+) place=(.*)", FLAGS);
    private static final Pattern SESSION_HELD = Pattern.compile("session=(\\d+) at=(\\S+)", FLAGS);
    private static final Pattern SESSION = Pattern.compile("session=(\\d+)" + REST, FLAGS);
    private static final Pattern REFERRAL_TO = Pattern.compile("referral=(\\d+) to=" + OFFICE + REST, FLAGS);
    private static final Pattern REFERRAL_FROM = Pattern.compile("referral=(\\d+)(?: from=" + OFFICE
            + "| from partner ([^;\\s]+))" + REST, FLAGS);
    private static final Pattern REFERRAL_OVERDUE = Pattern.compile("referral=(\\d+) to=" + OFFICE
            + " deadline=(.+)", FLAGS);
    private static final Pattern RESOLUTION = Pattern.compile("RESOLVED_BEFORE_FILING|MEDIATED|WITHDRAWN|UPHELD"
            + "|CORRECTED");
    private static final Pattern TO = Pattern.compile("to " + OFFICE, FLAGS);
    private static final Pattern FROM = Pattern.compile("from " + OFFICE, FLAGS);
    private static final Pattern DOCUMENT = Pattern.compile("([a-z-]+)(?: #(\\d+))? v(\\d+) code (\\S+) \\(document (\\d+)\\)"
            + "(?<unchanged> \\(unchanged, stored version returned\\))?"
            + "(?:, (?<media>[\\w.+-]+/[\\w.+-]+), (?<bytes>\\d+) bytes, sha256 (?<sha>\\S+))?"
            + "(?:, signed copy (?<copy>\\d+))?", FLAGS);

    /** What a referral row says of itself, for the REFERRED and REFERRAL_OVERDUE events. */
    interface Referrals {
        /** {from office, deadline at UTC} of the referral; null when there is no such row. */
        Object[] of(long referralId) throws Exception;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table case_event add column backfilled boolean default false not null");
            // JSON names its fields: room for a long reason with its keys around it
            s.execute("alter table case_event alter column detail set data type varchar(8000)");
            // what the ledger import wrote was entered after the fact
            s.executeUpdate("update case_event set backfilled = true where type = 'LEDGER_OUTCOME'"
                    + " or (type = 'RECEIVED' and detail like '%, from the ledger')");
        }
        try (PreparedStatement referral = c.prepareStatement(
                "select from_office_code, deadline from referral where id = ?");
             PreparedStatement update = c.prepareStatement("update case_event set detail = ? where id = ?");
             Statement read = c.createStatement();
             ResultSet rows = read.executeQuery("select id, type, detail, before_state, after_state from case_event")) {
            Referrals referrals = id -> {
                referral.setLong(1, id);
                try (ResultSet r = referral.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    return new Object[] {r.getString(1), utc(r.getObject(2, OffsetDateTime.class))};
                }
            };
            int pending = 0;
            while (rows.next()) {
                long id = rows.getLong(1);
                String json;
                try {
                    json = convert(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            referrals);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("case_event " + id + " (" + rows.getString(2)
                            + "): its detail is in no form this migration knows; nothing was converted", e);
                }
                update.setString(1, json);
                update.setLong(2, id);
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    /** The JSON of the typed change an old event of {@code type} with {@code detail} records. */
    static String convert(String type, String detail, String before, String after, Referrals referrals)
            throws Exception {
        String d = detail == null ? "" : detail;
        JsonObjectBuilder o = Json.createObjectBuilder();
        Matcher m;
        switch (type) {
            case "RECEIVED" -> {
                m = must(RECEIVED, d);
                o.add("channel", m.group(1)).add("disputeType", m.group(2));
                if (m.group(4) != null) {
                    o.add("partnerCode", m.group(4));
                }
                o.add("fromLedger", m.group(3) != null && m.group(4) == null);
            }
            case "ACCEPTED", "CLOSED", "ADMIN_FILED" -> text(o, "note", detail);
            case "DECLINED" -> {
                if ((m = DECLINED.matcher(d)).matches()) {
                    o.add("reason", m.group(1)).add("guidance", m.group(2));
                } else {
                    text(o, "reason", detail); // the demo data's declines: the reason alone
                }
            }
            case "REFERRED" -> {
                if ((m = REFERRAL_TO.matcher(d)).matches()) {
                    long id = Long.parseLong(m.group(1));
                    o.add("referralId", id);
                    Object[] r = referrals.of(id);
                    if (r != null && r[0] != null) {
                        o.add("fromOffice", (String) r[0]);
                    } else if (before != null) {
                        o.add("fromOffice", before);
                    }
                    o.add("toOffice", m.group(2));
                    if (r != null && r[1] != null) {
                        o.add("deadline", r[1].toString());
                    }
                    // the old text always carried "; " and the reason, an empty one too
                    o.add("reason", m.group(3) == null ? "" : m.group(3));
                } else {
                    m = must(TO, d); // the demo data's referrals: "to <office>"
                    if (before != null) {
                        o.add("fromOffice", before);
                    }
                    o.add("toOffice", m.group(1));
                }
            }
            case "REFERRAL_ACCEPTED" -> {
                if ((m = REFERRAL_FROM.matcher(d)).matches() && m.group(4) == null) {
                    o.add("referralId", Long.parseLong(m.group(1)));
                    from(o, m);
                } else {
                    m = must(FROM, d);
                    o.add("fromOffice", m.group(1));
                }
                if (after != null) {
                    o.add("toOffice", after);
                }
            }
            case "REFERRAL_REJECTED" -> {
                m = must(REFERRAL_FROM, d);
                o.add("referralId", Long.parseLong(m.group(1)));
                from(o, m);
                text(o, "reason", m.group(4));
            }
            case "REFERRAL_RECALLED" -> {
                m = must(REFERRAL_TO, d);
                o.add("referralId", Long.parseLong(m.group(1))).add("toOffice", m.group(2));
                text(o, "reason", m.group(3));
            }
            case "REFERRAL_OVERDUE" -> {
                m = must(REFERRAL_OVERDUE, d);
                long id = Long.parseLong(m.group(1));
                o.add("referralId", id).add("toOffice", m.group(2));
                OffsetDateTime deadline = moment(m.group(3));
                if (deadline == null) {
                    // a JDBC timestamp's text (no offset): the referral's own deadline says when
                    Object[] r = referrals.of(id);
                    deadline = r == null ? null : (OffsetDateTime) r[1];
                }
                if (deadline == null) {
                    throw new IllegalArgumentException("no deadline for referral " + id);
                }
                o.add("deadline", deadline.toString());
            }
            case "JOINED" -> {
                m = must(WITH_NOTE, d);
                o.add("office", m.group(1));
                text(o, "note", m.group(2));
            }
            case "MEDIATOR_ASSIGNED" -> {
                m = must(MEDIATOR, d);
                o.add("username", m.group(1)).add("capacity", m.group(2)).add("office", m.group(3));
            }
            case "MEDIATION_STARTED" -> {
                // nothing to say
            }
            case "SESSION_SCHEDULED" -> {
                m = must(SESSION_SCHEDULED, d);
                o.add("sessionId", Long.parseLong(m.group(1))).add("at", OffsetDateTime.parse(m.group(2)).toString())
                        .add("place", m.group(3));
            }
            case "SESSION_RESCHEDULED", "SESSION_CANCELLED" -> {
                m = must(SESSION, d);
                o.add("sessionId", Long.parseLong(m.group(1)));
                text(o, "reason", m.group(2));
            }
            case "SESSION_HELD" -> {
                m = must(SESSION_HELD, d);
                o.add("sessionId", Long.parseLong(m.group(1))).add("at", OffsetDateTime.parse(m.group(2)).toString());
            }
            case "OUTCOME_RECORDED" -> {
                m = must(OUTCOME, d);
                o.add("outcome", m.group(1));
                text(o, "agreementForm", m.group(2));
                if (m.group(3) != null) {
                    o.add("amount", new BigDecimal(m.group(3)));
                }
                text(o, "guidance", m.group(4));
                text(o, "followUpDue", m.group(5));
            }
            case "LEDGER_OUTCOME" -> o.add("outcome", must(Pattern.compile("SUCCESS|FAILURE|WITHDRAWN"), d).group());
            case "FOLLOW_UP_RECORDED" -> {
                if ((m = FOLLOW_UP.matcher(d)).matches()) {
                    o.add("method", m.group(1)).add("performance", m.group(2))
                            .add("satisfaction", Integer.parseInt(m.group(3)));
                } else {
                    o.add("performance", must(PERFORMANCE, d).group(1)); // the demo data's: the performance alone
                }
            }
            case "FOLLOW_UP_OVERDUE" -> {
                m = must(FOLLOW_UP_OVERDUE, d);
                o.add("due", m.group(1)).add("office", m.group(2));
            }
            case "RISK_CHANGED" -> {
                text(o, "from", level(before));
                text(o, "to", level(after));
                text(o, "reason", detail);
            }
            case "ADMIN_RESOLVED" -> {
                m = must(WITH_NOTE, d);
                o.add("resolution", must(RESOLUTION, m.group(1)).group());
                text(o, "note", m.group(2));
            }
            case "PARTY_CORRECTED" -> {
                m = must(PARTY, d);
                JsonArrayBuilder fields = Json.createArrayBuilder();
                for (String field : m.group(2).split(", ")) {
                    fields.add(field);
                }
                o.add("position", Integer.parseInt(m.group(1))).add("fields", fields);
                text(o, "reason", m.group(3));
            }
            case "DOCUMENT_GENERATED", "DOCUMENT_DOWNLOADED", "SIGNED_COPY_UPLOADED" -> {
                m = must(DOCUMENT, d);
                o.add("document", Json.createObjectBuilder().add("kind", m.group(1))
                        .add("subjectId", m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                        .add("version", Integer.parseInt(m.group(3))).add("code", m.group(4))
                        .add("documentId", Long.parseLong(m.group(5))));
                switch (type) {
                    case "DOCUMENT_GENERATED" -> o.add("unchanged", m.group("unchanged") != null);
                    case "DOCUMENT_DOWNLOADED" -> {
                        if (m.group("copy") != null) {
                            o.add("signedCopyId", Long.parseLong(m.group("copy")));
                        }
                    }
                    default -> o.add("mediaType", must(Pattern.compile(".+"), m.group("media")).group())
                            .add("bytes", Long.parseLong(m.group("bytes"))).add("sha256", m.group("sha"));
                }
            }
            default -> throw new IllegalArgumentException("unknown event type " + type);
        }
        return o.build().toString();
    }

    private static Matcher must(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not of the form " + p.pattern());
        }
        return m;
    }

    private static void from(JsonObjectBuilder o, Matcher m) {
        if (m.group(3) != null) {
            o.add("fromPartner", m.group(3));
        } else {
            o.add("fromOffice", m.group(2));
        }
    }

    private static void text(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static String level(String state) {
        return state != null && state.matches("LOW|MEDIUM|HIGH") ? state : null;
    }

    /** An ISO time with its offset, kept as written; null for another form (a JDBC timestamp's text). */
    private static OffsetDateTime moment(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
