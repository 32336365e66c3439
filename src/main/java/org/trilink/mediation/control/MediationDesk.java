package org.trilink.mediation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Role;

/**
 * The mediation part of an office's desk: the sessions of a week for its calendar, and each
 * mediator's load for the office's head. Each is one set-based query on indexed columns
 * (sessions by time, a mediator's cases by person), however many cases the office holds.
 */
@ApplicationScoped
public class MediationDesk {

    /** A week of a busy office stays readable; more than this is cut and said so. */
    public static final int MAX_SESSIONS = 200;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CurrentUser user;

    /** A session on the desk, with the case it belongs to. */
    public record Session(long id, String caseNumber, String summary, OffsetDateTime scheduledAt, String place,
                          String status) implements java.io.Serializable {
    }

    /**
     * Sessions held or still to be held from {@code from} up to {@code until}, of cases the
     * office handles (every office's for the district admin), in time order.
     */
    public List<Session> sessions(OffsetDateTime from, OffsetDateTime until) {
        Query q = em.createNativeQuery("select s.id, c.case_number, c.summary, s.scheduled_at, s.place, s.status"
                        + " from mediation_session s join dispute_case c on c.id = s.case_id"
                        + " where s.scheduled_at >= ?1 and s.scheduled_at < ?2 and s.status <> 'CANCELLED'"
                        + (user.admin() ? "" : " and c.handling_office_code = ?3")
                        + " order by s.scheduled_at, s.id")
                .setParameter(1, from).setParameter(2, until).setMaxResults(MAX_SESSIONS);
        if (!user.admin()) {
            q.setParameter(3, office());
        }
        List<?> rows = q.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Session(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], time(r[3]), (String) r[4], (String) r[5])).toList();
    }

    /** Whether the signed-in person sees the load of their office's mediators. */
    public boolean mayReadWorkload() {
        return user.is(Role.OFFICE_HEAD) && user.officeCode() != null;
    }

    /**
     * The office's active staff with the open cases they mediate (of which in mediation) and
     * their sessions in the week given; for the office's head only (else empty).
     */
    public List<Workload.Line> workload(OffsetDateTime weekFrom, OffsetDateTime weekUntil) {
        if (!mayReadWorkload()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("select st.username, st.display_name, count(c.id),"
                        + " coalesce(sum(case when c.status = 'IN_MEDIATION' then 1 else 0 end), 0)"
                        + " from staff st"
                        + " left join case_mediator cm on cm.staff_id = st.id"
                        + " left join dispute_case c on c.id = cm.case_id and c.status not in ('DECLINED', 'CLOSED')"
                        + " where st.office_code = ?1 and st.active = true"
                        + " and exists (select 1 from staff_role r where r.staff_id = st.id and r.role = 'STAFF')"
                        + " group by st.id, st.username, st.display_name")
                .setParameter(1, user.officeCode()).getResultList();
        List<Workload.Count> counts = rows.stream().map(r -> (Object[]) r).map(r -> new Workload.Count(
                (String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
        Map<String, Long> sessions = new HashMap<>();
        List<?> perPerson = em.createNativeQuery("select st.username, count(*) from mediation_session s"
                        + " join case_mediator cm on cm.case_id = s.case_id join staff st on st.id = cm.staff_id"
                        + " where st.office_code = ?1 and s.scheduled_at >= ?2 and s.scheduled_at < ?3"
                        + " and s.status <> 'CANCELLED' group by st.username")
                .setParameter(1, user.officeCode()).setParameter(2, weekFrom).setParameter(3, weekUntil)
                .getResultList();
        perPerson.stream().map(r -> (Object[]) r)
                .forEach(r -> sessions.put((String) r[0], ((Number) r[1]).longValue()));
        return Workload.of(counts, sessions);
    }

    private String office() {
        return user.officeCode() == null ? "-" : user.officeCode();
    }

    /** JDBC drivers answer timestamptz differently (H2: OffsetDateTime, PostgreSQL: Timestamp). */
    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
