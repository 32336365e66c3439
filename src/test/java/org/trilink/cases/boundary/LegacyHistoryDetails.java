package org.trilink.cases.boundary;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.documents.entity.DocumentKind;

/**
 * The case page's words for history events as they were before the typed changes (issue 19),
 * read from the old free text: kept in the tests only, to show that every old row converted by V17
 * reads the same on the page as it did.
 *
 * <p>Its original description: a history event's detail ({@code case_event.detail}) in the page's language, for display only:
 * the stored text and what the API returns stay as recorded. The formats are those the
 * {@code history.record(...)} calls write (and the demo data's shorter forms); keys such as
 * {@code channel=} and {@code party 1:} become bundle labels, enum codes and office codes their
 * names, times and dates the page's format. What people typed (reasons, guidance, notes, places)
 * is kept verbatim, and a detail in a form not recognised here is shown unchanged: this never
 * throws and never drops text.
 */
public final class LegacyHistoryDetails {

    /** The field names a party correction lists (Party.correct), by the label each is shown with. */
    private static final Map<String, String> PARTY_FIELDS = Map.of("name", "field.partyName",
            "idNumber", "field.idNumber", "creditCode", "field.creditCode", "phone", "field.phone",
            "address", "field.address");

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
            + "(?: amount=(-?[0-9.]+))?(?: guidance=" + CODE + ")?(?:; follow-up due (\\S+))?", FLAGS);
    private static final Pattern FOLLOW_UP = Pattern.compile("method=" + CODE + " performance=" + CODE
            + " satisfaction=(\\d+)", FLAGS);
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
    private static final Pattern TO = Pattern.compile("to " + OFFICE, FLAGS);
    private static final Pattern FROM = Pattern.compile("from " + OFFICE, FLAGS);
    private static final Pattern DOCUMENT = Pattern.compile("([a-z-]+)( #\\d+)? v(\\d+) code (\\S+) \\(document (\\d+)\\)"
            + "(?<unchanged> \\(unchanged, stored version returned\\))?"
            + "(?:, (?<media>[\\w.+-]+/[\\w.+-]+), (?<bytes>\\d+) bytes, sha256 (?<sha>\\S+))?"
            + "(?:, signed copy (?<copy>\\d+))?", FLAGS);

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;
    private final UnaryOperator<String> officeName;

    /**
     * @param officeName an office's name for its code (the code itself for one not known)
     */
    public LegacyHistoryDetails(ResourceBundle bundle, Locale locale, ZoneId zone, UnaryOperator<String> officeName) {
        this.bundle = bundle;
        this.locale = locale;
        this.zone = zone;
        this.officeName = officeName;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** The detail of an event of {@code type} as the page shows it; "" for none. */
    public String format(String type, String detail) {
        if (detail == null) {
            return "";
        }
        if (type == null || detail.isBlank()) {
            return detail;
        }
        try {
            String shown = localized(type, detail);
            return shown == null ? detail : shown;
        } catch (RuntimeException e) {
            return detail;
        }
    }

    /** Null when the detail is not in a form known for its type (or is free text kept as typed). */
    private String localized(String type, String d) {
        Matcher m;
        switch (type) {
            case "RECEIVED" -> {
                if ((m = RECEIVED.matcher(d)).matches()) {
                    List<String> parts = new ArrayList<>(List.of(pair("field.channel", code("Channel", m.group(1))),
                            pair("field.disputeType", code("DisputeType", m.group(2)))));
                    if (m.group(4) != null) {
                        parts.add(pair("history.partner", m.group(4)));
                    } else if (m.group(3) != null) {
                        parts.add(text("history.fromLedger"));
                    }
                    return String.join(text("history.sep"), parts);
                }
            }
            case "DECLINED" -> {
                if ((m = DECLINED.matcher(d)).matches()) {
                    return pair("field.reason", m.group(1)) + text("history.semi") + pair("field.guidance", m.group(2));
                }
            }
            case "JOINED" -> {
                if ((m = WITH_NOTE.matcher(d)).matches()) {
                    return withNote(office(m.group(1)), m.group(2));
                }
            }
            case "ADMIN_RESOLVED" -> {
                if ((m = WITH_NOTE.matcher(d)).matches() && known("AdminResolution", m.group(1))) {
                    return withNote(code("AdminResolution", m.group(1)), m.group(2));
                }
            }
            case "LEDGER_OUTCOME" -> {
                if (known("Outcome", d)) {
                    return code("Outcome", d);
                }
            }
            case "PARTY_CORRECTED" -> {
                if ((m = PARTY.matcher(d)).matches()) {
                    List<String> fields = new ArrayList<>();
                    for (String field : m.group(2).split(", ")) {
                        fields.add(text(PARTY_FIELDS.get(field)));
                    }
                    return rest(text("history.party", m.group(1), String.join(text("history.list"), fields)),
                            m.group(3));
                }
            }
            case "OUTCOME_RECORDED" -> {
                if ((m = OUTCOME.matcher(d)).matches()) {
                    List<String> parts = new ArrayList<>(List.of(code("Outcome", m.group(1))));
                    if (m.group(2) != null) {
                        parts.add(code("AgreementForm", m.group(2)));
                    }
                    if (m.group(3) != null) {
                        parts.add(pair("history.amount", amount(m.group(3))));
                    }
                    if (m.group(4) != null) {
                        parts.add(pair("field.guidance", code("FailureGuidance", m.group(4))));
                    }
                    String shown = String.join(text("history.sep"), parts);
                    return m.group(5) == null ? shown
                            : shown + text("history.semi") + pair("field.followUpDue", date(m.group(5)));
                }
            }
            case "FOLLOW_UP_RECORDED" -> {
                if ((m = FOLLOW_UP.matcher(d)).matches()) {
                    return String.join(text("history.sep"), pair("field.method", code("FollowUpMethod", m.group(1))),
                            pair("field.performance", code("Performance", m.group(2))),
                            pair("field.satisfaction", m.group(3)));
                }
                if (known("Performance", d)) {
                    return pair("field.performance", code("Performance", d));
                }
            }
            case "FOLLOW_UP_OVERDUE" -> {
                if ((m = FOLLOW_UP_OVERDUE.matcher(d)).matches()) {
                    return pair("field.followUpDue", date(m.group(1))) + text("history.sep")
                            + pair("history.office", office(m.group(2)));
                }
            }
            case "MEDIATOR_ASSIGNED" -> {
                if ((m = MEDIATOR.matcher(d)).matches()) {
                    return text("history.mediator", m.group(1), code("MediatorCapacity", m.group(2)),
                            office(m.group(3)));
                }
            }
            case "SESSION_SCHEDULED" -> {
                if ((m = SESSION_SCHEDULED.matcher(d)).matches()) {
                    return String.join(text("history.sep"), text("history.session", m.group(1)),
                            pair("history.at", dateTime(m.group(2))), pair("field.place", m.group(3)));
                }
            }
            case "SESSION_HELD" -> {
                if ((m = SESSION_HELD.matcher(d)).matches()) {
                    return text("history.session", m.group(1)) + text("history.sep")
                            + pair("history.at", dateTime(m.group(2)));
                }
            }
            case "SESSION_RESCHEDULED", "SESSION_CANCELLED" -> {
                if ((m = SESSION.matcher(d)).matches()) {
                    return rest(text("history.session", m.group(1)), m.group(2));
                }
            }
            case "REFERRED", "REFERRAL_RECALLED" -> {
                if ((m = REFERRAL_TO.matcher(d)).matches()) {
                    return rest(text("history.referral", m.group(1)) + text("history.sep")
                            + pair("field.to", office(m.group(2))), m.group(3));
                }
                if ((m = TO.matcher(d)).matches()) {
                    return pair("field.to", office(m.group(1)));
                }
            }
            case "REFERRAL_ACCEPTED", "REFERRAL_REJECTED" -> {
                if ((m = REFERRAL_FROM.matcher(d)).matches()) {
                    String from = m.group(2) != null ? pair("field.from", office(m.group(2)))
                            : text("history.fromPartner", m.group(3));
                    return rest(text("history.referral", m.group(1)) + text("history.sep") + from, m.group(4));
                }
                if ((m = FROM.matcher(d)).matches()) {
                    return pair("field.from", office(m.group(1)));
                }
            }
            case "REFERRAL_OVERDUE" -> {
                if ((m = REFERRAL_OVERDUE.matcher(d)).matches()) {
                    return String.join(text("history.sep"), text("history.referral", m.group(1)),
                            pair("field.to", office(m.group(2))), pair("field.deadline", dateTime(m.group(3))));
                }
            }
            case "DOCUMENT_GENERATED", "DOCUMENT_DOWNLOADED", "SIGNED_COPY_UPLOADED" -> {
                if ((m = DOCUMENT.matcher(d)).matches()) {
                    String kind = documentKind(m.group(1)) + (m.group(2) == null ? "" : m.group(2));
                    String shown = text("history.document", kind, m.group(3), m.group(4), m.group(5));
                    if (m.group("unchanged") != null) {
                        shown = text("history.unchanged", shown);
                    }
                    if (m.group("media") != null) {
                        shown = text("history.upload", shown, m.group("media"), m.group("bytes"), m.group("sha"));
                    }
                    if (m.group("copy") != null) {
                        shown = text("history.signedCopy", shown, m.group("copy"));
                    }
                    return shown;
                }
            }
            default -> {
                // free text (ACCEPTED, CLOSED, ADMIN_FILED notes, RISK_CHANGED reasons) or not known: as recorded
            }
        }
        return null;
    }

    /** The bundle text for a key, with {0}-style arguments (always strings: ids are not grouped). */
    String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private String pair(String labelKey, String value) {
        return text("history.pair", text(labelKey), value);
    }

    private String withNote(String head, String note) {
        return note == null ? head : text("history.pair", head, note);
    }

    private String rest(String head, String typed) {
        return typed == null ? head : head + text("history.semi") + typed;
    }

    private boolean known(String enumName, String code) {
        return bundle.containsKey(enumName + "." + code);
    }

    /** An enum code's name; the code itself for one the bundle does not know. */
    private String code(String enumName, String code) {
        try {
            return bundle.getString(enumName + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    private String office(String code) {
        String name = officeName.apply(code);
        return name == null || name.isBlank() ? code : name;
    }

    private String documentKind(String slug) {
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind.slug().equals(slug)) {
                return code("DocumentKind", kind.name());
            }
        }
        return slug;
    }

    private String amount(String value) {
        try {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private String date(String value) {
        try {
            return LocalDate.parse(value).format(DateTimeFormatter.ofPattern(text("format.date"), locale));
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** An ISO time with its offset, in the district's zone; any other form (e.g. a JDBC timestamp's) as written. */
    private String dateTime(String value) {
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(zone)
                    .format(DateTimeFormatter.ofPattern(text("format.dateTime"), locale));
        } catch (RuntimeException e) {
            return value;
        }
    }
}
