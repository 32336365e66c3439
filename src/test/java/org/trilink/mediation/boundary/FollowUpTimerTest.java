package org.trilink.mediation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.mediation.control.FollowUps;

/** The follow-up timer reminds and flags nothing while the offices are closed (issue 20). */
class FollowUpTimerTest {

    final List<LocalDate> checks = new ArrayList<>();

    FollowUpTimer timer(boolean officesWork) {
        FollowUpTimer timer = new FollowUpTimer();
        timer.calendar = new WorkingCalendar() {
            @Override
            public boolean isWorkingToday() {
                return officesWork;
            }
        };
        timer.followUps = new FollowUps() {
            @Override
            public LocalDate today() {
                return LocalDate.of(2026, 10, 2);
            }

            @Override
            public Check checkAll(LocalDate today) {
                checks.add(today);
                return new Check(0, 0);
            }
        };
        return timer;
    }

    @Test
    void onAHolidayNoReminderAndNoOverdueFlag() {
        timer(false).check();
        assertThat(checks).isEmpty();
    }

    @Test
    void onAWorkingDayTheCheckRuns() {
        timer(true).check();
        assertThat(checks).containsExactly(LocalDate.of(2026, 10, 2));
    }
}
