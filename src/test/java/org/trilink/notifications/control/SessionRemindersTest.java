package org.trilink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** When a party hears of a session: the last working day before it, in the day, never at night. */
class SessionRemindersTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime TEN = LocalTime.of(10, 0);
    private static final LocalTime NIGHT_FROM = LocalTime.of(21, 0);
    private static final LocalTime NIGHT_UNTIL = LocalTime.of(8, 0);

    /** Weekends off, and the National Day holiday of 2010 (1-7 October). */
    private static final Predicate<LocalDate> WORKING = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY
            && !(d.getYear() == 2010 && d.getMonthValue() == 10 && d.getDayOfMonth() <= 7);

    private static Optional<OffsetDateTime> remind(String session, LocalTime time) {
        return SessionReminders.remindAt(OffsetDateTime.parse(session), time, SHANGHAI, WORKING, NIGHT_FROM,
                NIGHT_UNTIL);
    }

    @Test
    void theDayBeforeAtTenOnAWorkingDay() {
        // Tuesday 9 March 2010, 14:30 -> Monday 8 March, 10:00 Shanghai
        assertThat(remind("2010-03-09T14:30:00+08:00", TEN)).contains(OffsetDateTime.parse("2010-03-08T10:00:00+08:00"));
        // an early session the same: the reminder is the afternoon's business of the day before
        assertThat(remind("2010-03-09T08:30:00+08:00", TEN)).contains(OffsetDateTime.parse("2010-03-08T10:00:00+08:00"));
    }

    @Test
    void neverOnADayOffButOnTheLastWorkingDayBefore() {
        // Monday 8 March -> Friday 5 March
        assertThat(remind("2010-03-08T09:00:00+08:00", TEN)).contains(OffsetDateTime.parse("2010-03-05T10:00:00+08:00"));
        // Friday 8 October, after the National Day week (and its weekend before) -> Thursday 30 September
        assertThat(remind("2010-10-08T09:00:00+08:00", TEN)).contains(OffsetDateTime.parse("2010-09-30T10:00:00+08:00"));
        // a session on a Saturday -> Friday
        assertThat(remind("2010-03-13T10:00:00+08:00", TEN)).contains(OffsetDateTime.parse("2010-03-12T10:00:00+08:00"));
    }

    @Test
    void neverAtNight() {
        // a reminder time set in the night goes to the morning's end of it, 08:00 the next working day
        assertThat(remind("2010-03-10T15:00:00+08:00", LocalTime.of(22, 30)))
                .contains(OffsetDateTime.parse("2010-03-10T08:00:00+08:00"));
        // and is dropped when that is no longer before the session
        assertThat(remind("2010-03-10T07:30:00+08:00", LocalTime.of(22, 30))).isEmpty();
        // a reminder written now, at 23:00, waits until 08:00 of the next working day
        assertThat(QuietHours.sendAt(OffsetDateTime.parse("2010-03-05T23:00:00+08:00"), NIGHT_FROM, NIGHT_UNTIL,
                SHANGHAI, WORKING)).isEqualTo(OffsetDateTime.parse("2010-03-08T08:00:00+08:00"));
    }

    @Test
    void theSessionTimeIsReadInTheDistrictsZone() {
        // 01:00 UTC on 9 March is 09:00 in Shanghai: the day before is 8 March there
        assertThat(remind("2010-03-09T01:00:00Z", TEN)).contains(OffsetDateTime.parse("2010-03-08T10:00:00+08:00"));
    }
}
