package org.trilink.cases.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * When something on the desk is due, in the district's local days: overdue once its deadline
 * (a moment) has passed or its due day (a date) is before today; due today while it falls on
 * today. A referral's time left is counted down to the minute; the week is Monday to Sunday.
 */
public final class Due {

    /** Where a deadline or due day stands today. */
    public enum State { OVERDUE, TODAY, LATER }

    /** Time left (or, overdue, past) in whole days, hours and minutes. */
    public record Left(boolean overdue, long days, long hours, long minutes) {
    }

    /** A local week, Monday 00:00 up to the next Monday 00:00. */
    public record Week(LocalDate monday, OffsetDateTime from, OffsetDateTime until) {
    }

    private Due() {
    }

    public static State of(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) {
            return State.OVERDUE;
        }
        return due.isEqual(today) ? State.TODAY : State.LATER;
    }

    public static State of(OffsetDateTime deadline, OffsetDateTime now, ZoneId zone) {
        if (!deadline.isAfter(now)) {
            return State.OVERDUE;
        }
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        return deadline.atZoneSameInstant(zone).toLocalDate().isEqual(today) ? State.TODAY : State.LATER;
    }

    public static Left left(OffsetDateTime deadline, OffsetDateTime now) {
        Duration d = Duration.between(now, deadline);
        boolean overdue = d.isNegative() || d.isZero();
        Duration abs = d.abs();
        return new Left(overdue, abs.toDays(), abs.toHoursPart(), abs.toMinutesPart());
    }

    /** The start of today and of tomorrow in the zone: "due today" is a deadline between them. */
    public static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    public static Week weekOf(LocalDate day, ZoneId zone) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Week(monday, startOf(monday, zone), startOf(monday.plusDays(7), zone));
    }
}
