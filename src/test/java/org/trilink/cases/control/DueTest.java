package org.trilink.cases.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DueTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aDueDayBeforeTodayIsOverdueTodayIsDueTodayLaterIsLater() {
        assertThat(Due.of(TODAY.minusDays(1), TODAY)).isEqualTo(Due.State.OVERDUE);
        assertThat(Due.of(TODAY, TODAY)).isEqualTo(Due.State.TODAY);
        assertThat(Due.of(TODAY.plusDays(1), TODAY)).isEqualTo(Due.State.LATER);
    }

    @Test
    void aDeadlineIsOverdueOnceReachedAndDueTodayByTheDistrictsClock() {
        // 2026-12-07 10:00 in Shanghai is 02:00 UTC
        OffsetDateTime now = OffsetDateTime.of(2026, 12, 7, 2, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Due.of(now, now, SHANGHAI)).isEqualTo(Due.State.OVERDUE);
        assertThat(Due.of(now.minusMinutes(1), now, SHANGHAI)).isEqualTo(Due.State.OVERDUE);
        // 23:59 Shanghai the same day: still today, though UTC has the date of the day before
        assertThat(Due.of(OffsetDateTime.of(2026, 12, 7, 15, 59, 0, 0, ZoneOffset.UTC), now, SHANGHAI))
                .isEqualTo(Due.State.TODAY);
        // 00:00 Shanghai the next day: tomorrow
        assertThat(Due.of(OffsetDateTime.of(2026, 12, 7, 16, 0, 0, 0, ZoneOffset.UTC), now, SHANGHAI))
                .isEqualTo(Due.State.LATER);
    }

    @Test
    void theTimeLeftCountsDownAndThenUp() {
        OffsetDateTime now = OffsetDateTime.of(2026, 12, 7, 2, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Due.left(now.plusDays(1).plusHours(3).plusMinutes(20), now))
                .isEqualTo(new Due.Left(false, 1, 3, 20));
        assertThat(Due.left(now.minusHours(5), now)).isEqualTo(new Due.Left(true, 0, 5, 0));
        assertThat(Due.left(now, now).overdue()).isTrue();
    }

    @Test
    void theWeekRunsFromMondayToSundayInTheDistrict() {
        Due.Week week = Due.weekOf(LocalDate.of(2026, 12, 10), SHANGHAI); // a Thursday
        assertThat(week.monday()).isEqualTo(TODAY);
        assertThat(week.from().toInstant()).isEqualTo(OffsetDateTime.of(2026, 12, 6, 16, 0, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(week.until().toInstant()).isEqualTo(OffsetDateTime.of(2026, 12, 13, 16, 0, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(Due.weekOf(TODAY, SHANGHAI).monday()).isEqualTo(TODAY);
        assertThat(Due.weekOf(LocalDate.of(2026, 12, 13), SHANGHAI).monday()).isEqualTo(TODAY);
    }
}
