package org.trilink.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.trilink.referrals.control.WorkingTime;

class WorkingTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+08:00");
    }

    @Test
    void oneWorkingDayOnAWeekdayIsTheSameTimeTomorrow() {
        assertThat(WorkingTime.plusWorkingHours(at("2026-11-24T10:00:00"), 24, SHANGHAI))  // Tuesday
                .isEqualTo(at("2026-11-25T10:00:00"));
    }

    @Test
    void aFridayReferralIsDueOnMonday() {
        assertThat(WorkingTime.plusWorkingHours(at("2026-11-27T15:30:00"), 24, SHANGHAI))  // Friday
                .isEqualTo(at("2026-11-30T15:30:00"));
        assertThat(WorkingTime.plusWorkingHours(at("2026-11-27T15:30:00"), 72, SHANGHAI))
                .isEqualTo(at("2026-12-02T15:30:00"));
    }

    @Test
    void aWeekendReferralStartsCountingOnMondayMorning() {
        assertThat(WorkingTime.plusWorkingHours(at("2026-11-28T20:00:00"), 24, SHANGHAI))  // Saturday
                .isEqualTo(at("2026-12-01T00:00:00"));
        assertThat(WorkingTime.plusWorkingHours(at("2026-11-29T09:00:00"), 2, SHANGHAI))  // Sunday
                .isEqualTo(at("2026-11-30T02:00:00"));
    }

    @Test
    void hoursWithinADayStayInThatDay() {
        assertThat(WorkingTime.plusWorkingHours(at("2026-11-26T09:00:00"), 4, SHANGHAI))
                .isEqualTo(at("2026-11-26T13:00:00"));
    }

    @Test
    void anInstantGivenInUtcIsCountedInTheDistrictsCalendar() {
        // Friday 20:00 UTC is Saturday 04:00 in Shanghai: counting starts on Monday there
        OffsetDateTime due = WorkingTime.plusWorkingHours(OffsetDateTime.parse("2026-11-27T20:00:00Z"), 24, SHANGHAI);
        assertThat(due).isEqualTo(at("2026-12-01T00:00:00"));
    }
}
