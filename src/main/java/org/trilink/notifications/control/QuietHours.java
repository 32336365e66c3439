package org.trilink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.platform.Configured;

/**
 * When an SMS to a party may go out: not at night (from {@code trilink.notifications.sms.quiet-from},
 * 21:00, to {@code trilink.notifications.sms.quiet-until}, 08:00, district time) and not on a day off
 * of the working calendar. A message that falls in quiet time is held, not dropped, and goes out at
 * the next end of the night on a working day (08:00). One-time codes are exempt: a party who asked
 * for one is waiting for it. E-mail to offices is not held (staff read it when they work).
 */
@ApplicationScoped
public class QuietHours {

    /** The event of a one-time code to a party's phone (the parties' door): sent at once, day or night. */
    public static final String ONE_TIME_CODE = "ONE_TIME_CODE";

    @Inject
    NotificationSettings settings;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Configured configured;

    Clock clock = Clock.systemUTC();

    /** Whether quiet time holds a message of this kind and event: SMS to parties, one-time codes excepted. */
    public static boolean appliesTo(String kind, String event) {
        return Notifications.SMS.equals(kind) && !ONE_TIME_CODE.equals(event);
    }

    /** When a message of this kind and event written now may go out: now, or the end of the quiet time. */
    public OffsetDateTime sendAt(String kind, String event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return appliesTo(kind, event) ? sendAt(now) : now;
    }

    /** {@code at} itself when an SMS to a party may go out then, else the next moment one may. */
    public OffsetDateTime sendAt(OffsetDateTime at) {
        return sendAt(at, settings.quietFrom(), settings.quietUntil(), configured.zone(), calendar::isWorkingDay);
    }

    /**
     * The rule itself: {@code at} when it is on a working day outside the night from {@code from}
     * to {@code until} (equal times: no night, only days off are quiet), else the first moment
     * after it that is, which is {@code until} on the next working day (or today's, before it).
     */
    public static OffsetDateTime sendAt(OffsetDateTime at, LocalTime from, LocalTime until, ZoneId zone,
                                        Predicate<LocalDate> workingDay) {
        ZonedDateTime t = at.atZoneSameInstant(zone);
        // at most three steps a day (the night's end, the next midnight); a year without a working
        // day is the calendar's error, not a reason to loop for ever
        for (int step = 0; step < 3 * 367; step++) {
            LocalDate day = t.toLocalDate();
            if (workingDay.test(day)) {
                LocalTime time = t.toLocalTime();
                if (!night(time, from, until)) {
                    return step == 0 ? at : t.toOffsetDateTime();
                }
                if (time.isBefore(until)) {
                    t = day.atTime(until).atZone(zone);
                    continue;
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working day within a year: the working calendar is wrong");
    }

    /** Whether {@code time} is in the night from {@code from} to {@code until}, which may span midnight. */
    static boolean night(LocalTime time, LocalTime from, LocalTime until) {
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }
}
