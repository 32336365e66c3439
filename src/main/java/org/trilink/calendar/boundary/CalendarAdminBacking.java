package org.trilink.calendar.boundary;

import static org.trilink.platform.faces.AdminPage.required;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.calendar.entity.CalendarDay;
import org.trilink.calendar.entity.DayKind;
import org.trilink.platform.faces.AdminPage;

/**
 * The working calendar on the district admin's page: a year's holidays and make-up working days,
 * a day added or changed from a later year's notice, a day given back to the week's rule. The work
 * is done by {@link WorkingCalendar}, as for {@code /api/v1/calendar}; each action checks the
 * admin role again, and every change is recorded.
 */
@Named("calendarAdmin")
@ViewScoped
public class CalendarAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminPage page;

    @Inject
    WorkingCalendar calendar;

    private Integer year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private LocalDate day;
    private DayKind kind;
    private String name;

    public List<CalendarDay> getDays() {
        page.requireAdmin();
        return calendar.year(year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year);
    }

    /**
     * Saves the day and shows its year: a day added from next year's notice appears in the table at
     * once (the table showed the year chosen before, so a day of another year seemed not to be kept).
     */
    public void save() {
        page.requireAdmin();
        page.run(() -> {
            calendar.change(required(day), required(kind), name);
            year = day.getYear();
        }, "admin.saved");
    }

    /**
     * The years to choose from: those the calendar has days for, this year and the next five, and
     * the year shown. A list rather than a typed number with a lower limit of 2000, which the number
     * field applies to each keystroke ("2", "20", ...).
     */
    public List<Integer> getYears() {
        int now = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        int[] kept = calendar.yearsKept();
        int from = Math.min(kept == null ? now : kept[0], now);
        int to = Math.max(kept == null ? now : kept[1], now + 5);
        if (year != null) {
            from = Math.min(from, year);
            to = Math.max(to, year);
        }
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    public void reset(LocalDate which) {
        page.requireAdmin();
        page.run(() -> calendar.change(which, null, null), "admin.saved");
    }

    public List<DayKind> getKinds() {
        return Arrays.asList(DayKind.values());
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public DayKind getKind() {
        return kind;
    }

    public void setKind(DayKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
