package org.trilink.mediation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.DefaultScheduleModel;
import org.primefaces.model.ScheduleModel;
import org.trilink.cases.control.Due;
import org.trilink.mediation.control.MediationDesk;
import org.trilink.mediation.control.Workload;
import org.trilink.platform.Configured;

/**
 * The desk's mediation part: this week's sessions of the office as a calendar and today's as a
 * list, and, for the office's head, each mediator's load. Read once per request.
 */
@Named("deskCalendar")
@RequestScoped
public class DeskCalendarBacking {

    @Inject
    MediationDesk desk;

    @Inject
    Configured configured;

    Clock clock = Clock.systemUTC();

    private Due.Week week;
    private List<MediationDesk.Session> sessions;
    private ScheduleModel model;
    private List<Workload.Line> workload;

    public Due.Week getWeek() {
        if (week == null) {
            week = Due.weekOf(getToday(), configured.zone());
        }
        return week;
    }

    public LocalDate getToday() {
        return LocalDate.now(clock.withZone(configured.zone()));
    }

    public String getZone() {
        return configured.zone().getId();
    }

    /** This week's sessions, held or to be held, in time order. */
    public List<MediationDesk.Session> getSessions() {
        if (sessions == null) {
            sessions = desk.sessions(getWeek().from(), getWeek().until());
        }
        return sessions;
    }

    /** Today's, for the list beside the calendar (and the only one on a phone). */
    public List<MediationDesk.Session> getTodays() {
        LocalDate today = getToday();
        return getSessions().stream().filter(s -> local(s).toLocalDate().isEqual(today)).toList();
    }

    public boolean isCut() {
        return getSessions().size() >= MediationDesk.MAX_SESSIONS;
    }

    public ScheduleModel getModel() {
        if (model == null) {
            DefaultScheduleModel m = new DefaultScheduleModel();
            String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
            for (MediationDesk.Session s : getSessions()) {
                LocalDateTime start = local(s);
                m.addEvent(DefaultScheduleEvent.builder()
                        .id(Long.toString(s.id()))
                        .title(s.caseNumber() + " · " + s.place())
                        .description(s.summary())
                        .startDate(start).endDate(start.plusHours(1))
                        .url(context + "/cases/case.xhtml?n=" + s.caseNumber())
                        .styleClass("tl-session-" + s.status())
                        .editable(false)
                        .build());
            }
            model = m;
        }
        return model;
    }

    public LocalDateTime local(MediationDesk.Session s) {
        return s.scheduledAt().atZoneSameInstant(configured.zone()).toLocalDateTime();
    }

    /** A session's local time of day, for today's list. */
    public String timeOf(MediationDesk.Session s) {
        return local(s).toLocalTime().toString();
    }

    public boolean isWorkloadShown() {
        return desk.mayReadWorkload();
    }

    public List<Workload.Line> getWorkload() {
        if (workload == null) {
            workload = desk.workload(getWeek().from(), getWeek().until());
        }
        return workload;
    }
}
