package org.trilink.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trilink.calendar.control.WorkingTime;

/** No SMS to parties at night or on days off: when a message written at a moment goes out (issue 20). */
class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime NINE_PM = LocalTime.of(21, 0);
    private static final LocalTime EIGHT_AM = LocalTime.of(8, 0);

    private static Predicate<LocalDate> official;

    /** The working calendar as Flyway V18 ships it. */
    @BeforeAll
    static void officialCalendar() throws IOException {
        Map<LocalDate, String> days = new HashMap<>();
        try (InputStream in = QuietHoursTest.class.getResourceAsStream("/db/migration/V18__working_calendar.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '[^']+'\\)").matcher(sql);
            while (m.find()) {
                days.put(LocalDate.parse(m.group(1)), m.group(2));
            }
        }
        official = d -> days.containsKey(d) ? days.get(d).equals("WORKDAY") : WorkingTime.weekday(d);
    }

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+08:00");
    }

    private static OffsetDateTime sendAt(String local) {
        return QuietHours.sendAt(at(local), NINE_PM, EIGHT_AM, SHANGHAI, official);
    }

    @Test
    void aWorkingDaysDaytimeSendsAtOnce() {
        assertThat(sendAt("2026-11-24T10:00:00")).isEqualTo(at("2026-11-24T10:00:00")); // Tuesday
        assertThat(sendAt("2026-11-24T08:00:00")).isEqualTo(at("2026-11-24T08:00:00"));
        assertThat(sendAt("2026-11-24T20:59:59")).isEqualTo(at("2026-11-24T20:59:59"));
    }

    @Test
    void theNightHoldsUntilEightNextMorning() {
        assertThat(sendAt("2026-11-24T21:00:00")).isEqualTo(at("2026-11-25T08:00:00"));
        assertThat(sendAt("2026-11-24T23:59:00")).isEqualTo(at("2026-11-25T08:00:00"));
        assertThat(sendAt("2026-11-25T00:00:00")).isEqualTo(at("2026-11-25T08:00:00"));
        assertThat(sendAt("2026-11-25T07:59:59")).isEqualTo(at("2026-11-25T08:00:00"));
    }

    @Test
    void aFridayEveningOrAWeekendWaitsForMonday() {
        assertThat(sendAt("2026-11-27T22:00:00")).isEqualTo(at("2026-11-30T08:00:00"));
        assertThat(sendAt("2026-11-28T12:00:00")).isEqualTo(at("2026-11-30T08:00:00"));
        assertThat(sendAt("2026-11-29T07:00:00")).isEqualTo(at("2026-11-30T08:00:00"));
    }

    @Test
    void overTheSpringFestivalOnlyTheMakeUpSaturdaySends() {
        // Friday 13 Feb 2026 evening: the make-up Saturday the 14th works
        assertThat(sendAt("2026-02-13T21:30:00")).isEqualTo(at("2026-02-14T08:00:00"));
        assertThat(sendAt("2026-02-14T15:00:00")).isEqualTo(at("2026-02-14T15:00:00"));
        // that Saturday's evening: 15-23 Feb off, Tuesday the 24th
        assertThat(sendAt("2026-02-14T21:30:00")).isEqualTo(at("2026-02-24T08:00:00"));
        assertThat(sendAt("2026-02-18T12:00:00")).isEqualTo(at("2026-02-24T08:00:00"));
        // the make-up Saturday 28 Feb works in daytime
        assertThat(sendAt("2026-02-28T10:00:00")).isEqualTo(at("2026-02-28T10:00:00"));
    }

    @Test
    void nationalDayHoldsUntilThursdayTheEighth() {
        assertThat(sendAt("2026-09-30T22:00:00")).isEqualTo(at("2026-10-08T08:00:00"));
        assertThat(sendAt("2026-10-03T09:00:00")).isEqualTo(at("2026-10-08T08:00:00"));
        // Friday the 9th in the evening: the make-up Saturday the 10th works
        assertThat(sendAt("2026-10-09T21:00:00")).isEqualTo(at("2026-10-10T08:00:00"));
        // the make-up Sunday 20 Sep works, Saturday the 19th does not
        assertThat(sendAt("2026-09-19T10:00:00")).isEqualTo(at("2026-09-20T08:00:00"));
    }

    @Test
    void theNightIsTheDistrictsNightWhateverTheOffsetGiven() {
        // 13:30 UTC is 21:30 in Shanghai: held until 08:00 there, which is midnight UTC
        OffsetDateTime held = QuietHours.sendAt(OffsetDateTime.parse("2026-11-24T13:30:00Z"), NINE_PM, EIGHT_AM,
                SHANGHAI, official);
        assertThat(held).isEqualTo(OffsetDateTime.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void equalTimesMeanNoNightButDaysOffStillHold() {
        LocalTime midnight = LocalTime.MIDNIGHT;
        assertThat(QuietHours.sendAt(at("2026-11-24T03:00:00"), midnight, midnight, SHANGHAI, official))
                .isEqualTo(at("2026-11-24T03:00:00"));
        assertThat(QuietHours.sendAt(at("2026-11-28T03:00:00"), midnight, midnight, SHANGHAI, official))
                .isEqualTo(at("2026-11-30T00:00:00"));
    }

    @Test
    void aNightWithinOneDayIsConfigurableToo() {
        LocalTime one = LocalTime.of(1, 0);
        LocalTime five = LocalTime.of(5, 0);
        assertThat(QuietHours.sendAt(at("2026-11-24T00:30:00"), one, five, SHANGHAI, official))
                .isEqualTo(at("2026-11-24T00:30:00"));
        assertThat(QuietHours.sendAt(at("2026-11-24T02:00:00"), one, five, SHANGHAI, official))
                .isEqualTo(at("2026-11-24T05:00:00"));
        assertThat(QuietHours.sendAt(at("2026-11-24T23:00:00"), one, five, SHANGHAI, official))
                .isEqualTo(at("2026-11-24T23:00:00"));
    }

    @Test
    void oneTimeCodesAndEmailAreNeverHeld() {
        assertThat(QuietHours.appliesTo(Notifications.SMS, "CASE_ACCEPTED")).isTrue();
        assertThat(QuietHours.appliesTo(Notifications.SMS, "CASE_OUTCOME")).isTrue();
        assertThat(QuietHours.appliesTo(Notifications.SMS, QuietHours.ONE_TIME_CODE)).isFalse();
        assertThat(QuietHours.appliesTo(Notifications.EMAIL, "FOLLOW_UP_DUE")).isFalse();
    }

    @Test
    void aCalendarWithoutWorkingDaysIsAnErrorNotAnEndlessLoop() {
        assertThatThrownBy(() -> QuietHours.sendAt(at("2026-11-24T10:00:00"), NINE_PM, EIGHT_AM, SHANGHAI, d -> false))
                .isInstanceOf(IllegalStateException.class);
    }
}
