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
import org.trilink.cases.entity.Averted;
import org.trilink.cases.entity.CaseChange;

/**
 * A typed change in the page's language, for the case page's history: labels and enum codes
 * from the bundles, office codes as names, times and dates in the page's format, and what people
 * typed (reasons, guidance, notes, places) verbatim. The words follow the record, not text: the
 * API's {@code detail} ({@link CaseChange#text()}) is never read back here. This never throws and
 * never drops what was typed: a change it cannot word is shown as the API words it.
 */
public final class HistoryWords {

    /** The field names a party correction lists (Party.correct), by the label each is shown with. */
    private static final Map<String, String> PARTY_FIELDS = Map.of("name", "field.partyName",
            "idNumber", "field.idNumber", "creditCode", "field.creditCode", "phone", "field.phone",
            "address", "field.address");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;
    private final UnaryOperator<String> officeName;

    /**
     * @param officeName an office's name for its code (the code itself for one not known)
     */
    public HistoryWords(ResourceBundle bundle, Locale locale, ZoneId zone, UnaryOperator<String> officeName) {
        this.bundle = bundle;
        this.locale = locale;
        this.zone = zone;
        this.officeName = officeName;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** The change as the page shows it; "" for a change with nothing to say. */
    public String format(CaseChange change) {
        String text = change.text();
        if (text == null) {
            return "";
        }
        if (text.isBlank()) {
            return text;
        }
        CaseChange.LedgerSource source = change.ledger();
        if (source != null) {
            String suffix = " (" + source.text() + ")";
            String own = text.equals(source.text()) ? ""
                    : text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
            String shown;
            try {
                shown = words(change);
            } catch (RuntimeException e) {
                shown = null;
            }
            String base = shown != null ? shown : own;
            String from;
            if (source.viaApi()) {
                // registered after the fact through the API: no file, no row, the request's digest
                from = text("history.apiSource", source.apiRequest().substring(0, Math.min(12,
                        source.apiRequest().length())));
            } else {
                String sha = source.sha256() == null ? "" : source.sha256().substring(0, Math.min(12, source.sha256().length()));
                from = text("history.ledgerSource", String.valueOf(source.row()), sha);
            }
            return base.isEmpty() ? from : base + " " + from;
        }
        try {
            String shown = words(change);
            return shown == null ? text : shown;
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** Null where the change is free text kept as typed, or a short record the page shows as it is. */
    private String words(CaseChange change) {
        return switch (change.kind()) {
            case RECEIVED -> {
                CaseChange.Received r = (CaseChange.Received) change;
                List<String> parts = new ArrayList<>(List.of(pair("field.channel", code("Channel", r.channel().name())),
                        pair("field.disputeType", code("DisputeType", r.disputeType().name()))));
                if (r.partnerCode() != null && !r.fromLedger()) {
                    parts.add(pair("history.partner", r.partnerCode()));
                } else if (r.fromLedger() && (r.ledger() == null || !r.ledger().viaApi())) {
                    parts.add(text("history.fromLedger"));
                }
                yield String.join(text("history.sep"), parts);
            }
            case DECLINED -> {
                CaseChange.Declined d = (CaseChange.Declined) change;
                // the demo data's declines are the reason alone, shown as typed
                yield d.guidance() == null ? null
                        : pair("field.reason", d.reason()) + text("history.semi") + pair("field.guidance", d.guidance());
            }
            case JOINED -> {
                CaseChange.Joined j = (CaseChange.Joined) change;
                yield withNote(office(j.office()), j.note());
            }
            case ADMIN_RESOLVED -> {
                CaseChange.AdminResolved a = (CaseChange.AdminResolved) change;
                yield known("AdminResolution", a.resolution().name())
                        ? withNote(code("AdminResolution", a.resolution().name()), a.note()) : null;
            }
            case LEDGER_OUTCOME -> {
                CaseChange.LedgerOutcome o = (CaseChange.LedgerOutcome) change;
                String outcome = o.outcome().name();
                if (!known("Outcome", outcome)) {
                    yield null;
                }
                List<String> parts = new ArrayList<>(List.of(code("Outcome", outcome)));
                averted(o.averted(), parts);
                yield String.join(text("history.sep"), parts);
            }
            case PARTY_CORRECTED -> {
                CaseChange.PartyCorrected p = (CaseChange.PartyCorrected) change;
                List<String> fields = new ArrayList<>();
                for (String field : p.fields()) {
                    fields.add(PARTY_FIELDS.containsKey(field) ? text(PARTY_FIELDS.get(field)) : field);
                }
                yield rest(text("history.party", String.valueOf(p.position()), String.join(text("history.list"), fields)),
                        p.reason());
            }
            case OUTCOME_RECORDED -> {
                CaseChange.OutcomeRecorded o = (CaseChange.OutcomeRecorded) change;
                List<String> parts = new ArrayList<>(List.of(code("Outcome", o.outcome().name())));
                if (o.agreementForm() != null) {
                    parts.add(code("AgreementForm", o.agreementForm().name()));
                }
                if (o.amount() != null) {
                    parts.add(pair("history.amount", amount(o.amount())));
                }
                if (o.guidance() != null) {
                    parts.add(pair("field.guidance", code("FailureGuidance", o.guidance())));
                }
                averted(o.averted(), parts);
                String shown = String.join(text("history.sep"), parts);
                yield o.followUpDue() == null ? shown
                        : shown + text("history.semi") + pair("field.followUpDue", date(o.followUpDue()));
            }
            case FOLLOW_UP_RECORDED -> {
                CaseChange.FollowUpRecorded f = (CaseChange.FollowUpRecorded) change;
                if (f.method() != null) {
                    yield String.join(text("history.sep"), pair("field.method", code("FollowUpMethod", f.method())),
                            pair("field.performance", code("Performance", f.performance())),
                            pair("field.satisfaction", String.valueOf(f.satisfaction())));
                }
                yield known("Performance", f.performance()) ? pair("field.performance", code("Performance",
                        f.performance())) : null;
            }
            case FOLLOW_UP_OVERDUE -> {
                CaseChange.FollowUpOverdue f = (CaseChange.FollowUpOverdue) change;
                yield pair("field.followUpDue", date(f.due())) + text("history.sep")
                        + pair("history.office", office(f.office()));
            }
            case MEDIATOR_ASSIGNED -> {
                CaseChange.MediatorAssigned m = (CaseChange.MediatorAssigned) change;
                yield text("history.mediator", m.username(), code("MediatorCapacity", m.capacity()), office(m.office()));
            }
            case SESSION_SCHEDULED -> {
                CaseChange.SessionScheduled s = (CaseChange.SessionScheduled) change;
                yield String.join(text("history.sep"), session(s.sessionId()), pair("history.at", dateTime(s.at())),
                        pair("field.place", s.place()));
            }
            case SESSION_HELD -> {
                CaseChange.SessionHeld s = (CaseChange.SessionHeld) change;
                yield session(s.sessionId()) + text("history.sep") + pair("history.at", dateTime(s.at()));
            }
            case SESSION_RESCHEDULED -> {
                CaseChange.SessionRescheduled s = (CaseChange.SessionRescheduled) change;
                yield rest(session(s.sessionId()), s.reason());
            }
            case SESSION_CANCELLED -> {
                CaseChange.SessionCancelled s = (CaseChange.SessionCancelled) change;
                yield rest(session(s.sessionId()), s.reason());
            }
            case REFERRED -> {
                CaseChange.Referred r = (CaseChange.Referred) change;
                yield r.referralId() == null ? pair("field.to", office(r.toOffice()))
                        : rest(referral(r.referralId()) + text("history.sep") + pair("field.to", office(r.toOffice())),
                        r.reason() == null ? "" : r.reason());
            }
            case REFERRAL_RECALLED -> {
                CaseChange.ReferralRecalled r = (CaseChange.ReferralRecalled) change;
                yield rest(referral(r.referralId()) + text("history.sep") + pair("field.to", office(r.toOffice())),
                        r.reason());
            }
            case REFERRAL_ACCEPTED -> {
                CaseChange.ReferralAccepted r = (CaseChange.ReferralAccepted) change;
                yield r.referralId() == null ? pair("field.from", office(r.fromOffice()))
                        : referral(r.referralId()) + text("history.sep") + from(r.fromOffice(), r.fromPartner());
            }
            case REFERRAL_REJECTED -> {
                CaseChange.ReferralRejected r = (CaseChange.ReferralRejected) change;
                yield rest(referral(r.referralId()) + text("history.sep") + from(r.fromOffice(), r.fromPartner()),
                        r.reason());
            }
            case REFERRAL_OVERDUE -> {
                CaseChange.ReferralOverdue r = (CaseChange.ReferralOverdue) change;
                yield String.join(text("history.sep"), referral(r.referralId()), pair("field.to", office(r.toOffice())),
                        pair("field.deadline", dateTime(r.deadline())));
            }
            case DOCUMENT_GENERATED -> {
                CaseChange.DocumentGenerated g = (CaseChange.DocumentGenerated) change;
                String shown = document(g.document());
                yield g.unchanged() ? text("history.unchanged", shown) : shown;
            }
            case DOCUMENT_DOWNLOADED -> {
                CaseChange.DocumentDownloaded d = (CaseChange.DocumentDownloaded) change;
                String shown = document(d.document());
                yield d.signedCopyId() == null ? shown
                        : text("history.signedCopy", shown, String.valueOf(d.signedCopyId()));
            }
            case SIGNED_COPY_UPLOADED -> {
                CaseChange.SignedCopyUploaded u = (CaseChange.SignedCopyUploaded) change;
                yield text("history.upload", document(u.document()), u.mediaType(), String.valueOf(u.bytes()),
                        u.sha256());
            }
            case PARTY_VIEWED_ONLINE -> {
                CaseChange.PartyViewedOnline v = (CaseChange.PartyViewedOnline) change;
                // a paper downloaded is "paper v<N>": the version is the argument
                if (v.what().startsWith("paper v")) {
                    yield text("history.partyViewed.PAPER", String.valueOf(v.position()),
                            v.what().substring("paper v".length()));
                }
                String key = "history.partyViewed." + v.what();
                yield text(key, String.valueOf(v.position()));
            }
            case CORRECTION_REQUESTED -> {
                CaseChange.CorrectionRequested r = (CaseChange.CorrectionRequested) change;
                List<String> fields = new ArrayList<>();
                for (String field : r.fields()) {
                    fields.add(PARTY_FIELDS.containsKey(field) ? text(PARTY_FIELDS.get(field)) : field);
                }
                yield text("history.correctionRequested", String.valueOf(r.requestId()),
                        String.valueOf(r.position()), String.join(text("history.list"), fields));
            }
            case CORRECTION_DECLINED -> {
                CaseChange.CorrectionDeclined d = (CaseChange.CorrectionDeclined) change;
                yield rest(text("history.correctionDeclined", String.valueOf(d.requestId()),
                        String.valueOf(d.position())), d.reason());
            }
            case AGREEMENT_SIGNED -> {
                CaseChange.AgreementSigned a = (CaseChange.AgreementSigned) change;
                yield text("history.agreementSigned", document(a.document()), String.valueOf(a.party()),
                        text(enumKey("SigningChannel", a.channel())));
            }
            case AGREEMENT_SEALED -> {
                CaseChange.AgreementSealed a = (CaseChange.AgreementSealed) change;
                yield text("history.agreementSealed", document(a.document()),
                        a.certificateSha256().substring(0, Math.min(16, a.certificateSha256().length())));
            }
            case PARTY_RATED -> {
                CaseChange.PartyRated r = (CaseChange.PartyRated) change;
                yield rest(text("history.partyRated", String.valueOf(r.position()), String.valueOf(r.score())),
                        r.comment());
            }
            // free text, shown as typed: notes, the risk change's reason
            case ACCEPTED -> registered(((CaseChange.Accepted) change).registerNumber(),
                    ((CaseChange.Accepted) change).note());
            case ADMIN_FILED -> registered(((CaseChange.AdminFiled) change).registerNumber(),
                    ((CaseChange.AdminFiled) change).note());
            case CLOSED, RISK_CHANGED, MEDIATION_STARTED -> null;
        };
    }

    /** The escalations kept from, each with its people where recorded: "防止民转刑：3人". */
    private void averted(Averted averted, List<String> parts) {
        if (averted == null) {
            return;
        }
        if (averted.criminalCase()) {
            parts.add(flag("field.criminalCaseAverted", averted.criminalCasePeople()));
        }
        if (averted.massPetition()) {
            parts.add(flag("field.massPetitionAverted", averted.massPetitionPeople()));
        }
    }

    private String flag(String labelKey, Integer people) {
        return people == null ? text(labelKey) : pair(labelKey, text("history.people", String.valueOf(people)));
    }

    /** The register number given, then the note as typed; the note alone for changes before numbering. */
    private String registered(String registerNumber, String note) {
        if (registerNumber == null) {
            return null;
        }
        String number = text("history.registered", registerNumber);
        return note == null ? number : text("history.registeredNote", number, note);
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

    private String session(long id) {
        return text("history.session", String.valueOf(id));
    }

    private String referral(long id) {
        return text("history.referral", String.valueOf(id));
    }

    private String from(String office, String partner) {
        return partner != null ? text("history.fromPartner", partner) : pair("field.from", office(office));
    }

    private String document(CaseChange.DocumentVersion d) {
        String kind = documentKind(d.kind()) + (d.subjectId() != 0 ? " #" + d.subjectId() : "");
        return text("history.document", kind, String.valueOf(d.version()), d.code(), String.valueOf(d.documentId()));
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

    /** A document kind's name by its slug (DocumentKind's constant is the slug in capitals, '-' as '_'). */
    private String documentKind(String slug) {
        String constant = slug.toUpperCase(Locale.ROOT).replace('-', '_');
        return known("DocumentKind", constant) ? code("DocumentKind", constant) : slug;
    }

    private String amount(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private String date(LocalDate value) {
        return value.format(DateTimeFormatter.ofPattern(text("format.date"), locale));
    }

    private String dateTime(OffsetDateTime value) {
        return value.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern(text("format.dateTime"), locale));
    }

    /** The bundle key of an enum constant stored by name, e.g. SigningChannel.ONLINE. */
    private static String enumKey(String type, String name) {
        return type + "." + name;
    }
}
