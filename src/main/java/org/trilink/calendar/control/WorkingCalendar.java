package org.trilink.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.calendar.entity.CalendarChange;
import org.trilink.calendar.entity.CalendarDay;
import org.trilink.calendar.entity.DayKind;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The district's working calendar: which days work, by the official notices (the calendar_day
 * rows) and the week's rule where they say nothing, and working time counted by it. Every
 * deadline of every feature is counted here. The days are read once and kept for a minute, so
 * that another instance of a cluster sees a change within a minute (and this one at once).
 */
@ApplicationScoped
public class WorkingCalendar {

    /** How long the days read are trusted before they are read again (another instance may have changed them). */
    static final Duration FRESH = Duration.ofSeconds(60);

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    Configured configured;

    @Inject
    CurrentUser user;

    @Inject
    Event<CalendarChanged> changed;

    Clock clock = Clock.systemUTC();

    private volatile Snapshot days;

    /** The days off the week's rule as read at {@code readAt}. */
    private record Snapshot(Map<LocalDate, DayKind> kinds, OffsetDateTime readAt) {
    }

    /** Fired (in the change's transaction) when a day changes, so that pending deadlines are counted again. */
    public record CalendarChanged(LocalDate day) {
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = days().kinds().get(day);
        return kind == null ? WorkingTime.weekday(day) : kind == DayKind.WORKDAY;
    }

    /** Whether the offices work today (the district's date now): timers send no alerts on days they are closed. */
    public boolean isWorkingToday() {
        return isWorkingDay(OffsetDateTime.now(clock).atZoneSameInstant(configured.zone()).toLocalDate());
    }

    /** {@code hours} of working days after {@code start}, in the district's time zone. */
    public OffsetDateTime plusWorkingHours(OffsetDateTime start, int hours) {
        return WorkingTime.plusWorkingHours(start, hours, configured.zone(), this::isWorkingDay);
    }

    /** {@code day} when it is a working day, else the next working day. */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        return WorkingTime.workingDayOnOrAfter(day, this::isWorkingDay);
    }

    /** The last working day before {@code day}. */
    public LocalDate workingDayBefore(LocalDate day) {
        return WorkingTime.workingDayBefore(day, this::isWorkingDay);
    }

    /** {@code days} calendar days after {@code from}, moved on to a working day (see {@link WorkingTime#periodEnd}). */
    public LocalDate periodEnd(LocalDate from, int days) {
        return WorkingTime.periodEnd(from, days, this::isWorkingDay);
    }

    /** The first and last year the calendar has days for; null when it has none. */
    public int[] yearsKept() {
        Object[] range = em.createQuery("select min(d.day), max(d.day) from CalendarDay d", Object[].class)
                .getSingleResult();
        if (range[0] == null) {
            return null;
        }
        return new int[] {((LocalDate) range[0]).getYear(), ((LocalDate) range[1]).getYear()};
    }

    /** The days of a year the calendar moves off the week's rule, in order. */
    public List<CalendarDay> year(int year) {
        return em.createQuery("select d from CalendarDay d where d.day >= :from and d.day < :to order by d.day",
                        CalendarDay.class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1))
                .getResultList();
    }

    /** The calendar's changes, newest first. */
    public List<CalendarChange> changes(int max) {
        return em.createQuery("select c from CalendarChange c order by c.changedAt desc, c.id desc", CalendarChange.class)
                .setMaxResults(max).getResultList();
    }

    /**
     * Makes {@code day} a holiday or a working day, with its name (e.g. 春节, 春节调休); with a null
     * kind the day follows the week's rule again. District admin only; recorded in the changes.
     */
    @Transactional
    public CalendarDay change(LocalDate day, DayKind kind, String name) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin keeps the working calendar.");
        }
        if (day == null) {
            throw ProblemException.badRequest("day", "required, as yyyy-MM-dd");
        }
        if (kind != null && (name == null || name.isBlank() || name.strip().length() > 40)) {
            throw ProblemException.badRequest("name", "required: the holiday's name, at most 40 characters");
        }
        if (kind == DayKind.WORKDAY && WorkingTime.weekday(day)) {
            throw ProblemException.badRequest("kind", "a make-up working day (WORKDAY) falls on a Saturday or"
                    + " Sunday; " + day + " is a " + day.getDayOfWeek());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CalendarDay existing = em.find(CalendarDay.class, day);
        DayKind before = existing == null ? null : existing.kind();
        CalendarDay result = null;
        if (kind == null) {
            if (existing != null) {
                em.remove(existing);
            }
        } else if (existing == null) {
            result = new CalendarDay(day, kind, name.strip(), now, user.username());
            em.persist(result);
        } else {
            existing.change(kind, name.strip(), now, user.username());
            result = existing;
        }
        em.persist(new CalendarChange(day, before, kind, kind == null ? null : name.strip(), now, user.username()));
        em.flush();
        days = null; // the listeners count with the change, in this transaction
        changed.fire(new CalendarChanged(day));
        return result;
    }

    /** After the change commits (or not), this instance reads the days again at once. */
    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) CalendarChanged change) {
        days = null;
    }

    private Snapshot days() {
        Snapshot s = days;
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (s == null || s.readAt().plus(FRESH).isBefore(now)) {
            Map<LocalDate, DayKind> kinds = new HashMap<>();
            for (CalendarDay d : em.createQuery("select d from CalendarDay d", CalendarDay.class).getResultList()) {
                kinds.put(d.day(), d.kind());
            }
            s = new Snapshot(Map.copyOf(kinds), now);
            days = s;
        }
        return s;
    }
}
