package org.trilink.referrals.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.referrals.control.ReferralDeadlines;

/** The deadline timer flags nothing while the offices are closed (issue 20: no alerts on holidays). */
class ReferralDeadlineTimerTest {

    final List<OffsetDateTime> checks = new ArrayList<>();

    ReferralDeadlineTimer timer(boolean officesWork) {
        ReferralDeadlineTimer timer = new ReferralDeadlineTimer();
        timer.calendar = new WorkingCalendar() {
            @Override
            public boolean isWorkingToday() {
                return officesWork;
            }
        };
        timer.deadlines = new ReferralDeadlines() {
            @Override
            public int flagAllOverdue(OffsetDateTime asOf) {
                checks.add(asOf);
                return 0;
            }
        };
        return timer;
    }

    @Test
    void onAHolidayNothingIsFlagged() {
        timer(false).check();
        assertThat(checks).isEmpty();
    }

    @Test
    void onAWorkingDayTheCheckRuns() {
        timer(true).check();
        assertThat(checks).hasSize(1);
    }
}
