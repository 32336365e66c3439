package org.trilink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.cases.control.CaseEventRecorded;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.mediation.control.FollowUpFallingDue;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.outbox.control.OutboxWriter;
import org.trilink.outbox.entity.OutboxMessage;

/**
 * Decides who hears about a change and writes the messages into the outbox, inside the
 * transaction of the change: a rollback sends nothing, a crash after the commit loses nothing.
 * Each message's event id is derived from what it is about and whom it goes to, and the outbox
 * holds event ids unique, so no change notifies anyone twice.
 *
 * <p>An SMS row names the party ({@code sms:party/<id>}), not the phone number: the number is
 * read when it is sent, so it is never copied into the outbox, its errors or the logs. An SMS to a
 * party written at night or on a day off is held until the next working morning ({@link QuietHours},
 * the row's {@code not_before}); when the calendar changes, what is held goes by the new one.
 */
@ApplicationScoped
public class Notifications {

    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    NotificationSettings settings;

    @Inject
    OutboxWriter outbox;

    @Inject
    OfficeCatalog offices;

    @Inject
    QuietHours quietHours;

    @Inject
    @ConfigProperty(name = "trilink.district.timezone", defaultValue = "Asia/Shanghai")
    String timezone;

    Clock clock = Clock.systemUTC();

    /** An office's notification settings; empty when the office has none. */
    public record OfficeSettings(String officeCode, String email, String locale, boolean smsToParties) {
    }

    void onCaseEvent(@Observes CaseEventRecorded recorded) {
        if (recorded.backfilled()) {
            return; // entered after the fact: nobody is told of it now
        }
        DisputeCase c = recorded.disputeCase();
        CaseChange change = recorded.change();
        Runnable notify = switch (change.kind()) {
            case REFERRED -> {
                CaseChange.Referred r = (CaseChange.Referred) change;
                yield r.referralId() == null ? null
                        : () -> referralArrived(c, r.referralId(), r.toOffice(), r.deadline());
            }
            case REFERRAL_OVERDUE -> {
                CaseChange.ReferralOverdue r = (CaseChange.ReferralOverdue) change;
                yield () -> referralMail(c, r.referralId(), r.toOffice(), r.deadline(), "REFERRAL_OVERDUE",
                        "referral.overdue");
            }
            case ACCEPTED -> () -> partiesBySms(c, "CASE_ACCEPTED", "case.accepted.sms", null);
            case OUTCOME_RECORDED -> () -> partiesBySms(c, "CASE_OUTCOME", "case.outcome.sms",
                    ((CaseChange.OutcomeRecorded) change).outcome().name());
            // the office hears of a follow-up due from the follow-up check, not from these
            case RECEIVED, DECLINED, REFERRAL_ACCEPTED, REFERRAL_REJECTED, REFERRAL_RECALLED, JOINED,
                    MEDIATOR_ASSIGNED, MEDIATION_STARTED, SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED,
                    SESSION_HELD, LEDGER_OUTCOME, FOLLOW_UP_RECORDED, FOLLOW_UP_OVERDUE, RISK_CHANGED, CLOSED,
                    ADMIN_FILED, ADMIN_RESOLVED, PARTY_CORRECTED, DOCUMENT_GENERATED, DOCUMENT_DOWNLOADED,
                    SIGNED_COPY_UPLOADED, PARTY_VIEWED_ONLINE, CORRECTION_REQUESTED, CORRECTION_DECLINED, AGREEMENT_SIGNED, AGREEMENT_SEALED, PARTY_RATED -> null;
        };
        if (notify != null) {
            notify.run();
        }
    }

    /** A referral (from an office or a partner) arrived at its receiving office, to be taken on by the deadline. */
    public void referralArrived(DisputeCase c, long referralId, String toOffice, OffsetDateTime deadline) {
        referralMail(c, referralId, toOffice, deadline, "REFERRAL_ARRIVED", "referral.arrived");
    }

    private void referralMail(DisputeCase c, long referralId, String toOffice, OffsetDateTime deadline, String event,
                              String template) {
        if (!settings.emailOn()) {
            return;
        }
        office(toOffice).filter(s -> s.email() != null).ifPresent(s -> email(s, event + ":" + referralId, event,
                template, c, deadline(deadline)));
    }

    /** On its due date (the follow-up check's reminder), once per case; being overdue later sends nothing more. */
    void onFollowUpFallingDue(@Observes FollowUpFallingDue due) {
        followUpDue(due.disputeCase());
    }

    void followUpDue(DisputeCase c) {
        if (!settings.emailOn() || c.handlingOfficeCode() == null) {
            return;
        }
        office(c.handlingOfficeCode()).filter(s -> s.email() != null)
                .ifPresent(s -> email(s, "FOLLOW_UP_DUE:" + c.id(), "FOLLOW_UP_DUE", "followup.due",
                        c, ""));
    }

    private void email(OfficeSettings office, String key, String event, String template, DisputeCase c,
                       String deadline) {
        String officeName = officeName(office.officeCode(), office.locale());
        Object[] args = {c.caseNumber(), Templates.gist(c.summary()), officeName, deadline};
        String payload = Json.createObjectBuilder()
                .add("locale", office.locale())
                .add("subject", Templates.render(office.locale(), template + ".subject", args))
                .add("text", Templates.render(office.locale(), template + ".body", args))
                .build().toString();
        write(key + ":" + office.email(), EMAIL, event, "mailto:" + office.email(), payload);
    }

    private void partiesBySms(DisputeCase c, String event, String template, String outcome) {
        if (!settings.smsOn() || c.handlingOfficeCode() == null) {
            return;
        }
        Optional<OfficeSettings> office = office(c.handlingOfficeCode());
        if (office.isEmpty() || !office.get().smsToParties()) {
            return;
        }
        String locale = settings.smsLocale();
        String outcomeText = outcome == null ? "" : Templates.render(locale, "outcome." + outcome);
        String text = Templates.render(locale, template, c.caseNumber(), outcomeText,
                officeName(c.handlingOfficeCode(), locale));
        for (Party p : c.parties()) {
            if (p.phone() == null || p.phone().isBlank() || p.id() == null) {
                continue;
            }
            String payload = Json.createObjectBuilder().add("locale", locale).add("text", text).build().toString();
            write(event + ":" + c.id() + ":" + p.id(), SMS, event, "sms:party/" + p.id(), payload);
        }
    }

    /**
     * The day-before reminder of a session to each party with a phone, if the handling office
     * sends SMS to parties ({@link SessionReminders} decides when). Once per session, time and party.
     */
    public void sessionReminder(long caseId, long sessionId, OffsetDateTime at, String place) {
        DisputeCase c = em.find(DisputeCase.class, caseId);
        if (c == null || !settings.smsOn() || c.handlingOfficeCode() == null) {
            return;
        }
        Optional<OfficeSettings> office = office(c.handlingOfficeCode());
        if (office.isEmpty() || !office.get().smsToParties()) {
            return;
        }
        String locale = settings.smsLocale();
        String text = Templates.render(locale, "session.reminder.sms", c.caseNumber(), deadline(at),
                place == null || place.isBlank() ? officeName(c.handlingOfficeCode(), locale) : place,
                officeName(c.handlingOfficeCode(), locale));
        for (Party p : c.parties()) {
            if (p.phone() == null || p.phone().isBlank() || p.id() == null) {
                continue;
            }
            String payload = Json.createObjectBuilder().add("locale", locale).add("text", text).build().toString();
            write("SESSION_REMINDER:" + sessionId + ":" + at.toInstant() + ":" + p.id(), SMS, "SESSION_REMINDER",
                    "sms:party/" + p.id(), payload);
        }
    }

    private void write(String key, String kind, String event, String target, String payload) {
        String eventId = UUID.nameUUIDFromBytes(("notify:" + key).getBytes(StandardCharsets.UTF_8)).toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OutboxMessage m = new OutboxMessage(eventId, null, kind, event, target, payload, now);
        if (QuietHours.appliesTo(kind, event)) {
            OffsetDateTime sendAt = quietHours.sendAt(now);
            if (sendAt.isAfter(now)) {
                m.holdUntil(sendAt);
            }
        }
        outbox.add(m);
    }

    /** SMS to parties held for quiet hours (a night, a day off), the soonest first. */
    public List<OutboxMessage> heldSms(int max) {
        return outbox.held(SMS, OffsetDateTime.now(clock), max);
    }

    /**
     * A day made a holiday or a working day: the SMS held go out at the first moment the new
     * calendar allows (the sender holds again whatever would go out on a new holiday anyway).
     */
    void onCalendarChanged(@Observes WorkingCalendar.CalendarChanged change) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        outbox.rescheduleHeld(SMS, now, quietHours.sendAt(now));
    }

    public Optional<OfficeSettings> office(String officeCode) {
        List<?> rows = em.createNativeQuery("select office_code, email, locale, sms_to_parties from office_notification"
                + " where office_code = ?").setParameter(1, officeCode).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new OfficeSettings((String) r[0], (String) r[1], (String) r[2], Boolean.TRUE.equals(r[3])));
    }

    /** Sets (or with a null request, removes) an office's notification settings. */
    @jakarta.transaction.Transactional
    public Optional<OfficeSettings> configure(String officeCode, String email, String locale, boolean smsToParties,
                                              boolean remove) {
        em.createNativeQuery("delete from office_notification where office_code = ?").setParameter(1, officeCode)
                .executeUpdate();
        if (remove) {
            return Optional.empty();
        }
        em.createNativeQuery("insert into office_notification (office_code, email, locale, sms_to_parties, updated_at)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, officeCode).setParameter(2, email)
                .setParameter(3, Templates.locale(locale).getLanguage().equals("en") ? "en" : "zh-CN")
                .setParameter(4, smsToParties).setParameter(5, OffsetDateTime.now(clock))
                .executeUpdate();
        return office(officeCode);
    }

    private String officeName(String officeCode, String locale) {
        Optional<Office> office = offices.office(officeCode);
        if (office.isEmpty()) {
            return officeCode;
        }
        String en = office.get().nameEn();
        return Templates.locale(locale).getLanguage().equals("en") && en != null ? en : office.get().nameZh();
    }

    private String deadline(OffsetDateTime at) {
        return at == null ? ""
                : at.atZoneSameInstant(ZoneId.of(timezone)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
