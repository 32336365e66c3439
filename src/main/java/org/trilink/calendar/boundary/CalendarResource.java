package org.trilink.calendar.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.calendar.control.WorkingCalendar;
import org.trilink.calendar.entity.CalendarChange;
import org.trilink.calendar.entity.CalendarDay;
import org.trilink.calendar.entity.DayKind;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The working calendar: everyone signed in reads it; the district admin keeps it (a later year's
 * notice, a local change), each change recorded with who made it.
 */
@Path("calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working calendar")
public class CalendarResource {

    /** A day off the week's rule: HOLIDAY (off on a weekday) or WORKDAY (a working Saturday or Sunday). */
    public record DayView(LocalDate day, DayKind kind, String name, OffsetDateTime changedAt, String changedBy) {
        static DayView of(CalendarDay d) {
            return new DayView(d.day(), d.kind(), d.name(), d.changedAt(), d.changedBy());
        }
    }

    /** A year: its days off the week's rule and, for convenience, every working day count. */
    public record YearView(int year, List<DayView> days, int workingDays) {
    }

    public record DayRequest(DayKind kind, String name) {
    }

    public record ChangeView(long id, LocalDate day, DayKind before, DayKind after, String name,
                             OffsetDateTime changedAt, String changedBy) {
        static ChangeView of(CalendarChange c) {
            return new ChangeView(c.id(), c.day(), c.before(), c.after(), c.name(), c.changedAt(), c.changedBy());
        }
    }

    @Inject
    WorkingCalendar calendar;

    @Inject
    CurrentUser user;

    @GET
    @Path("{year}")
    @Operation(summary = "A year of the working calendar: the holidays and make-up working days (调休) off the"
            + " week's rule, and how many working days the year has")
    public YearView year(@PathParam("year") String year) {
        int y = year(year, "year");
        int working = 0;
        for (LocalDate d = LocalDate.of(y, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
            working += calendar.isWorkingDay(d) ? 1 : 0;
        }
        return new YearView(y, calendar.year(y).stream().map(DayView::of).toList(), working);
    }

    @PUT
    @Path("days/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a day a HOLIDAY or a make-up WORKDAY with its name (district admin); pending"
            + " referral deadlines counted in hours are counted again")
    public DayView change(@PathParam("day") String day, DayRequest body) {
        if (body == null || body.kind() == null) {
            throw ProblemException.badRequest("kind", "required: HOLIDAY or WORKDAY");
        }
        return DayView.of(calendar.change(day(day), body.kind(), body.name()));
    }

    @DELETE
    @Path("days/{day}")
    @Operation(summary = "Let a day follow the week's rule again (district admin)")
    public Response reset(@PathParam("day") String day) {
        calendar.change(day(day), null, null);
        return Response.noContent().build();
    }

    @GET
    @Path("changes")
    @Operation(summary = "The calendar's changes, newest first (district admin): who made which day what, when")
    public List<ChangeView> changes(@QueryParam("max") Integer max) {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin sees the calendar's changes.");
        }
        int n = max == null ? 100 : max;
        if (n < 1 || n > 1000) {
            throw ProblemException.badRequest("max", "between 1 and 1000");
        }
        return calendar.changes(n).stream().map(ChangeView::of).toList();
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("day", "a date as yyyy-MM-dd, e.g. 2027-02-06");
        }
    }

    private static int year(String text, String field) {
        try {
            int y = Integer.parseInt(text);
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(field, "a year between 2000 and 2100");
    }
}
