package org.trilink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.mediation.control.UpcomingSessions;
import org.trilink.platform.Configured;

/**
 * Parties hear of a mediation session by SMS the day before it, at
 * {@code trilink.notifications.sms.reminder-time} (10:00, district time): on the last working
 * day before the session's day, so never on a day off and never at night ({@link QuietHours});
 * a session on a Monday is announced on the Friday, one after a long holiday on the last
 * working day before it. Reminders are written when due, not when the session is scheduled, so
 * a session moved or cancelled meanwhile is announced at its new time or not at all. Each
 * reminder's event id names the session and its time, so a check repeated on another instance
 * or after a restart writes nothing twice; a session moved later gets its own reminder.
 */
@ApplicationScoped
public class SessionReminders {

    /** How far ahead the check looks: beyond the longest run of days off in a Chinese calendar. */
    static final Duration HORIZON = Duration.ofDays(15);

    @Inject
    UpcomingSessions sessions;

    @Inject
    Notifications notifications;

    @Inject
    NotificationSettings settings;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Configured configured;

    @Inject
    @ConfigProperty(name = "trilink.notifications.sms.reminder-time", defaultValue = "10:00")
    String reminderTime;

    Clock clock = Clock.systemUTC();

    /** Writes the reminders due by now; the number of sessions reminded. */
    @Transactional
    public int remind() {
        if (!settings.smsOn()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ZoneId zone = configured.zone();
        LocalTime time = LocalTime.parse(reminderTime.strip());
        int reminded = 0;
        for (UpcomingSessions.Upcoming s : sessions.between(now, now.plus(HORIZON))) {
            Optional<OffsetDateTime> at = remindAt(s.at(), time, zone, calendar::isWorkingDay, settings.quietFrom(),
                    settings.quietUntil());
            if (at.isEmpty() || at.get().isAfter(now)) {
                continue;
            }
            // due (or overdue: scheduled late, or the server was down): only if it still reaches the party in time
            OffsetDateTime sendAt = QuietHours.sendAt(now, settings.quietFrom(), settings.quietUntil(), zone,
                    calendar::isWorkingDay);
            if (sendAt.isBefore(s.at())) {
                notifications.sessionReminder(s.caseId(), s.sessionId(), s.at(), s.place());
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * When the parties of a session at {@code session} are reminded: on the last working day
     * before its day at {@code time}, moved out of the night if {@code time} falls in it; empty
     * when that would not be before the session.
     */
    public static Optional<OffsetDateTime> remindAt(OffsetDateTime session, LocalTime time, ZoneId zone,
                                                    Predicate<LocalDate> workingDay, LocalTime quietFrom,
                                                    LocalTime quietUntil) {
        LocalDate day = session.atZoneSameInstant(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 60 && !workingDay.test(day); i++) {
            day = day.minusDays(1);
        }
        OffsetDateTime at = QuietHours.sendAt(day.atTime(time).atZone(zone).toOffsetDateTime(), quietFrom, quietUntil,
                zone, workingDay);
        return at.isBefore(session) ? Optional.of(at) : Optional.empty();
    }
}
