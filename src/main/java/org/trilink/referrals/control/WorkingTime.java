package org.trilink.referrals.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Deadlines counted in working time: a referral sent on Friday afternoon with one working day
 * (24 h) is due on Monday afternoon. Saturdays and Sundays do not count, in the district's time
 * zone. Public holidays and make-up working days (调休) are not known here and count as usual days.
 */
public final class WorkingTime {

    private WorkingTime() {
    }

    public static OffsetDateTime plusWorkingHours(OffsetDateTime start, int hours, ZoneId zone) {
        ZonedDateTime t = start.atZoneSameInstant(zone);
        while (weekend(t)) {
            t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
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
            while (weekend(t)) {
                t = t.plusDays(1);
            }
        }
    }

    private static boolean weekend(ZonedDateTime t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
