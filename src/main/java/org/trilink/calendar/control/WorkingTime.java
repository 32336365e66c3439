package org.trilink.calendar.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * Deadlines counted in working time: a referral sent on Friday afternoon with one working day
 * (24 h) is due on the next working day's afternoon. Only the hours of working days count, in the
 * district's time zone; which days work is the calendar's to say (holidays off, make-up working
 * days on), Saturdays and Sundays off where it says nothing.
 */
public final class WorkingTime {

    private WorkingTime() {
    }

    /** Monday to Friday, the week's rule without the official calendar. */
    public static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** {@code hours} of working days after {@code start}; starting on a day off, the count begins at the next working day. */
    public static OffsetDateTime plusWorkingHours(OffsetDateTime start, int hours, ZoneId zone,
                                                  Predicate<LocalDate> workingDay) {
        ZonedDateTime t = start.atZoneSameInstant(zone);
        int guard = 0;
        while (!workingDay.test(t.toLocalDate())) {
            t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            requireEnd(++guard);
        }
        Duration remaining = Duration.ofHours(hours);
        while (true) {
            ZonedDateTime endOfDay = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            Duration today = Duration.between(t, endOfDay);
            if (remaining.compareTo(today) <= 0) {
                return t.plus(remaining).toOffsetDateTime();
            }
            remaining = remaining.minus(today);
            t = endOfDay;
            while (!workingDay.test(t.toLocalDate())) {
                t = t.plusDays(1);
                requireEnd(++guard);
            }
        }
    }

    /**
     * The day a period of {@code days} calendar days from {@code from} ends, moved on to the next
     * working day when it ends on a day off: the rule of Chinese law for periods counted in days
     * (民法典 第二百零三条, 民事诉讼法 on 期间: a period whose last day is a 法定休假日 ends on the
     * day after it), which the offices apply to follow-up visits as well.
     */
    public static LocalDate periodEnd(LocalDate from, int days, Predicate<LocalDate> workingDay) {
        return workingDayOnOrAfter(from.plusDays(days), workingDay);
    }

    /** {@code day} itself when it is a working day, else the next working day after it. */
    public static LocalDate workingDayOnOrAfter(LocalDate day, Predicate<LocalDate> workingDay) {
        LocalDate d = day;
        int guard = 0;
        while (!workingDay.test(d)) {
            d = d.plusDays(1);
            requireEnd(++guard);
        }
        return d;
    }

    /** The last working day before {@code day} (never {@code day} itself). */
    public static LocalDate workingDayBefore(LocalDate day, Predicate<LocalDate> workingDay) {
        LocalDate d = day.minusDays(1);
        int guard = 0;
        while (!workingDay.test(d)) {
            d = d.minusDays(1);
            requireEnd(++guard);
        }
        return d;
    }

    /** The week's rule only (no holidays): for callers without the calendar, such as tests of old data. */
    public static OffsetDateTime plusWorkingHours(OffsetDateTime start, int hours, ZoneId zone) {
        return plusWorkingHours(start, hours, zone, WorkingTime::weekday);
    }

    /** A calendar that works no day at all would never end a deadline: a year without work is a data error. */
    private static void requireEnd(int daysSkipped) {
        if (daysSkipped > 366) {
            throw new IllegalStateException("no working day within a year: the working calendar is wrong");
        }
    }
}
