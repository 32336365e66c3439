package org.trilink.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.calendar.control.WorkingTime;

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

    /** The official days as Flyway V18 ships them: a test of the data as well as of the counting. */
    static Map<LocalDate, String> official() throws IOException {
        Map<LocalDate, String> days = new HashMap<>();
        try (InputStream in = WorkingTimeTest.class.getResourceAsStream("/db/migration/V18__working_calendar.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']+)'\\)").matcher(sql);
            while (m.find()) {
                days.put(LocalDate.parse(m.group(1)), m.group(2));
            }
        }
        return days;
    }

    static Predicate<LocalDate> officialCalendar() throws IOException {
        Map<LocalDate, String> days = official();
        return d -> days.containsKey(d) ? days.get(d).equals("WORKDAY") : WorkingTime.weekday(d);
    }

    @Test
    void theShippedCalendarHasTheNoticesDays() throws IOException {
        Map<LocalDate, String> days = official();
        // 2026: 元旦 1-3 Jan, 春节 15-23 Feb, 清明 4-6 Apr, 劳动节 1-5 May, 端午 19-21 Jun, 中秋 25-27 Sep, 国庆 1-7 Oct
        assertThat(days.entrySet().stream().filter(e -> e.getKey().getYear() == 2026 && e.getValue().equals("HOLIDAY")))
                .hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(days.entrySet().stream().filter(e -> e.getValue().equals("WORKDAY")).map(Map.Entry::getKey)
                .filter(d -> d.getYear() == 2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 10));
        // every make-up working day is a weekend day, in every year shipped
        days.forEach((d, kind) -> {
            if (kind.equals("WORKDAY")) {
                assertThat(d.getDayOfWeek()).as(d.toString()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
        });
        assertThat(days.keySet().stream().map(LocalDate::getYear).distinct()).contains(2023, 2024, 2025, 2026);
    }

    @Test
    void nothingCountsOverTheSpringFestival() throws IOException {
        Predicate<LocalDate> cal = officialCalendar();
        // Friday 13 Feb 2026: the next working day is the make-up Saturday the 14th
        assertThat(WorkingTime.plusWorkingHours(at("2026-02-13T15:00:00"), 24, SHANGHAI, cal))
                .isEqualTo(at("2026-02-14T15:00:00"));
        // sent on the make-up Saturday: the holiday runs 15-23 Feb, counting resumes on Tuesday the 24th
        assertThat(WorkingTime.plusWorkingHours(at("2026-02-14T10:00:00"), 24, SHANGHAI, cal))
                .isEqualTo(at("2026-02-24T10:00:00"));
        // sent during the holiday: the count starts at the first working day's midnight
        assertThat(WorkingTime.plusWorkingHours(at("2026-02-17T09:00:00"), 24, SHANGHAI, cal))
                .isEqualTo(at("2026-02-25T00:00:00"));
        // the week's rule alone would have had it due in the middle of the holiday
        assertThat(WorkingTime.plusWorkingHours(at("2026-02-14T10:00:00"), 24, SHANGHAI))
                .isEqualTo(at("2026-02-17T00:00:00"));
    }

    @Test
    void nationalDayAndItsMakeUpSaturday() throws IOException {
        Predicate<LocalDate> cal = officialCalendar();
        // Wednesday 30 Sep 2026, 72 working hours: 1-7 Oct off, then Thu 8, Fri 9, the make-up Sat 10
        assertThat(WorkingTime.plusWorkingHours(at("2026-09-30T16:00:00"), 72, SHANGHAI, cal))
                .isEqualTo(at("2026-10-10T16:00:00"));
        // Saturday 19 Sep is off, the make-up Sunday the 20th works: a Saturday referral starts counting
        // on that Sunday, a Friday one runs on into it
        assertThat(WorkingTime.plusWorkingHours(at("2026-09-19T09:00:00"), 24, SHANGHAI, cal))
                .isEqualTo(at("2026-09-21T00:00:00"));
        assertThat(WorkingTime.plusWorkingHours(at("2026-09-18T09:00:00"), 24, SHANGHAI, cal))
                .isEqualTo(at("2026-09-20T09:00:00"));
    }

    // ------------------------------------------------ follow-up periods in calendar days

    @Test
    void aFollowUpPeriodEndingInTheSpringFestivalEndsOnTheFirstWorkingDayAfterIt() throws IOException {
        Predicate<LocalDate> cal = officialCalendar();
        // an outcome on 16 Jan 2026 with 30 days: 15 Feb is 春节, the office is open again on Tue 24 Feb
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 1, 16), 30, cal)).isEqualTo(LocalDate.of(2026, 2, 24));
        // the last day of the holiday, Mon 23 Feb, as well
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 1, 24), 30, cal)).isEqualTo(LocalDate.of(2026, 2, 24));
        // the make-up Saturday 14 Feb works: a period ending on it stays there
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 1, 15), 30, cal)).isEqualTo(LocalDate.of(2026, 2, 14));
        // and the make-up Saturday 28 Feb too, where the week's rule would say Monday 2 March
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 1, 29), 30, cal)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 1, 29), 30, WorkingTime::weekday))
                .isEqualTo(LocalDate.of(2026, 3, 2));
        // a period ending on a working day is not touched; the days are calendar days, holidays included
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 2, 10), 15, cal)).isEqualTo(LocalDate.of(2026, 2, 25));
    }

    @Test
    void aFollowUpPeriodEndingInNationalDayEndsOnThursdayTheEighth() throws IOException {
        Predicate<LocalDate> cal = officialCalendar();
        // 1-7 Oct 2026 off (国庆节); Thursday 8 Oct works
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 9, 1), 30, cal)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 9, 7), 30, cal)).isEqualTo(LocalDate.of(2026, 10, 8));
        // the make-up Sunday 20 Sep and Saturday 10 Oct work; Saturday 19 Sep and Sunday 11 Oct do not
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 8, 21), 30, cal)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 8, 20), 30, cal)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 9, 10), 30, cal)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 9, 11), 30, cal)).isEqualTo(LocalDate.of(2026, 10, 12));
        // 中秋节 25-27 Sep: Friday the 25th off, Monday the 28th works
        assertThat(WorkingTime.periodEnd(LocalDate.of(2026, 8, 26), 30, cal)).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void theLastWorkingDayBeforeADayLooksBackOverTheHoliday() throws IOException {
        Predicate<LocalDate> cal = officialCalendar();
        // the overdue check on Tue 24 Feb flags what was due on or before the make-up Saturday 14 Feb
        assertThat(WorkingTime.workingDayBefore(LocalDate.of(2026, 2, 24), cal)).isEqualTo(LocalDate.of(2026, 2, 14));
        // on Thu 8 Oct, what was due on or before Wed 30 Sep
        assertThat(WorkingTime.workingDayBefore(LocalDate.of(2026, 10, 8), cal)).isEqualTo(LocalDate.of(2026, 9, 30));
        // a Monday after a plain weekend: the Friday
        assertThat(WorkingTime.workingDayBefore(LocalDate.of(2026, 11, 30), cal)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(WorkingTime.workingDayOnOrAfter(LocalDate.of(2026, 11, 27), cal)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aCalendarWithoutWorkingDaysIsAnErrorNotAnEndlessLoop() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                WorkingTime.plusWorkingHours(at("2026-09-18T09:00:00"), 24, SHANGHAI, d -> false))
                .isInstanceOf(IllegalStateException.class);
    }
}
