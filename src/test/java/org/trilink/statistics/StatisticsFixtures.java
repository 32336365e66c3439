package org.trilink.statistics;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Averted;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.FollowUpVisit;
import org.trilink.mediation.entity.Performance;
import org.trilink.platform.problem.ProblemException;
import org.trilink.referrals.entity.Referral;
import org.trilink.statistics.control.CaseLinkFacts;
import org.trilink.statistics.control.ExecutionLeases;
import org.trilink.statistics.control.JobRepository;
import org.trilink.statistics.control.RunStore;
import org.trilink.statistics.control.StatisticsRuns;

/**
 * Test-only endpoints, packaged into StatisticsIT's deployment and never into the product:
 * they build datasets in the server through the application's own intake (CaseIntake.register)
 * and the DisputeCase lifecycle methods, many cases per request, which REST calls one by one
 * could not do in time. Admin only.
 */
@Path("test-fixtures/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsFixtures {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    ExecutionLeases leases;

    @Inject
    CaseIntake intake;

    @Inject
    CaseLinkFacts links;

    @Inject
    StatisticsRuns runs;

    @Inject
    RunStore store;

    @Inject
    JobRepository repository;

    @Resource(lookup = "jdbc/trilink")
    DataSource dataSource;

    @Context
    SecurityContext security;

    /**
     * count people's-mediation cases accepted evenly over [first, last] (10:00 local), the first
     * successes of them mediated successfully the same day, the rest still in mediation.
     */
    @POST
    @Path("mediation")
    @Transactional
    public Map<String, Object> mediation(@QueryParam("count") int count, @QueryParam("successes") int successes,
                                         @QueryParam("first") String first, @QueryParam("last") String last,
                                         @QueryParam("office") String office, @QueryParam("region") String region) {
        requireAdmin();
        LocalDate from = LocalDate.parse(first);
        long days = LocalDate.parse(last).toEpochDay() - from.toEpochDay() + 1;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime accepted = from.plusDays(i % days).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
            DisputeCase c = register(MatterKind.PEOPLES_MEDIATION, office, region, DisputeType.values()[i % 15]);
            c.accept(accepted);
            c.startMediation(accepted.plusMinutes(30));
            if (i < successes) {
                c.recordSuccess(accepted.plusHours(5), i % 3 == 0 ? AgreementForm.ORAL : AgreementForm.WRITTEN,
                        "双方同意", BigDecimal.valueOf(1000), null, null);
            }
            numbers.add(c.caseNumber());
            flushEvery(i);
        }
        return Map.of("created", numbers.size(), "first", numbers.isEmpty() ? "" : numbers.get(0));
    }

    /**
     * count administrative matters received evenly over [first, last]: beforeFiling resolved before
     * filing, then mediated, corrected, and the rest filed and upheld. Intake stamps the receipt
     * with the present time; it is moved into the period with SQL, the one fact intake cannot take.
     */
    @POST
    @Path("administrative")
    @Transactional
    public Map<String, Object> administrative(@QueryParam("count") int count, @QueryParam("beforeFiling") int beforeFiling,
                                              @QueryParam("mediated") int mediated, @QueryParam("corrected") int corrected,
                                              @QueryParam("first") String first, @QueryParam("last") String last) {
        requireAdmin();
        LocalDate from = LocalDate.parse(first);
        long days = LocalDate.parse(last).toEpochDay() - from.toEpochDay() + 1;
        List<Long> ids = new ArrayList<>();
        List<OffsetDateTime> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OffsetDateTime at = from.plusDays(i % days).atTime(9, 0).atZone(ZONE).toOffsetDateTime();
            DisputeCase c = register(MatterKind.ADMINISTRATIVE, "JO-ZHAOXIANG", "310118104", DisputeType.OTHER);
            if (i < beforeFiling) {
                c.resolveAdministrative(at.plusHours(3), "RESOLVED_BEFORE_FILING");
            } else {
                c.fileAdministrative(at.plusHours(1));
                int k = i - beforeFiling;
                String resolution = k < mediated ? "MEDIATED" : k < mediated + corrected ? "CORRECTED" : "UPHELD";
                c.resolveAdministrative(at.plusHours(4), resolution);
            }
            ids.add(c.id());
            received.add(at);
            flushEvery(i);
        }
        em.flush();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("update dispute_case set received_at = ? where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(1, received.get(i));
                ps.setLong(2, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("created", ids.size());
    }

    /**
     * One mediation case accepted at an exact instant; joint names a second office that works on
     * it; a success is recorded a minute after acceptance, or at the instant concluded names, and
     * kept from becoming a criminal case (with criminalPeople if given: else none recorded) and,
     * with petitionPeople, from a mass petition. Its people involved are 2.
     */
    @POST
    @Path("case")
    @Transactional
    public Map<String, Object> oneCase(@QueryParam("accepted") String accepted, @QueryParam("office") String office,
                                       @QueryParam("region") String region, @QueryParam("joint") String joint,
                                       @QueryParam("success") boolean success, @QueryParam("concluded") String concluded,
                                       @QueryParam("criminalPeople") Integer criminalPeople,
                                       @QueryParam("petitionPeople") Integer petitionPeople) {
        requireAdmin();
        OffsetDateTime at = OffsetDateTime.parse(accepted);
        DisputeCase c = register(MatterKind.PEOPLES_MEDIATION, office, region, DisputeType.NEIGHBOR);
        c.accept(at);
        if (success) {
            c.recordSuccess(concluded == null ? at.plusMinutes(1) : OffsetDateTime.parse(concluded), AgreementForm.WRITTEN, "双方同意", BigDecimal.valueOf(500), null, null);
            c.markAverted(new Averted(true, criminalPeople, petitionPeople != null, petitionPeople));
        }
        if (joint != null) {
            em.persist(new CaseParticipant(c, joint, CaseParticipant.Part.JOINT, at));
        }
        // as statistics' observer does when a joint mediator's office joins (CaseLinkFacts)
        links.refresh(c.id());
        return Map.of("caseNumber", c.caseNumber());
    }

    /**
     * A referral of the case to another office sent at an instant, accepted at decided (if given),
     * else pending and, with overdue, flagged overdue at its deadline (three days later); and a
     * follow-up visit at visited (if given) that finds the agreement performed.
     */
    @POST
    @Path("case/{number}/referral")
    @Transactional
    public Map<String, Object> referral(@PathParam("number") String number, @QueryParam("to") String to,
                                        @QueryParam("sent") String sent, @QueryParam("decided") String decided,
                                        @QueryParam("visited") String visited, @QueryParam("overdue") boolean overdue) {
        requireAdmin();
        DisputeCase c = byNumber(number);
        OffsetDateTime at = OffsetDateTime.parse(sent);
        Referral r = new Referral(c.id(), c.handlingOfficeCode(), to, "统计测试移送", at, "fixture", at.plusDays(3));
        if (decided != null) {
            r.accept(OffsetDateTime.parse(decided), "fixture");
        }
        em.persist(r);
        if (visited != null) {
            em.persist(new FollowUpVisit(c.id(), OffsetDateTime.parse(visited), FollowUpMethod.PHONE,
                    Performance.PERFORMED, 5, "已履行", "fixture", c.handlingOfficeCode()));
        }
        if (overdue) {
            // flagged at its deadline, as the deadline timer does (which then leaves it alone)
            em.flush();
            em.createNativeQuery("update referral set overdue = true, overdue_at = deadline where id = ?")
                    .setParameter(1, r.id()).executeUpdate();
        }
        links.refresh(c.id());
        return Map.of("caseNumber", number);
    }

    /** Changes a case after a run: its outcome becomes a withdrawal and it moves to another office. */
    @POST
    @Path("case/{number}/edit")
    @Transactional
    public Map<String, Object> edit(@PathParam("number") String number, @QueryParam("office") String office) {
        requireAdmin();
        DisputeCase c = byNumber(number);
        c.recordFailure(OffsetDateTime.now(), Outcome.WITHDRAWN, "申请人撤回", null, null);
        c.handOverTo(office);
        c.markAverted(Averted.NONE);
        return Map.of("caseNumber", number, "outcome", c.outcome().name());
    }

    /** Starts a run that fails when its job reaches failOnDay. */
    @POST
    @Path("runs")
    public Map<String, Object> failingRun(@QueryParam("matterKind") String matterKind, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("scope") String scope,
                                          @QueryParam("failOnDay") String failOnDay) {
        requireAdmin();
        Properties extra = new Properties();
        extra.setProperty("failOnDay", failOnDay);
        return Map.of("runId", runs.start(runs.parameters(matterKind, from, to, scope), "fixture", extra));
    }

    /**
     * Leaves the run's execution as a server killed with kill -9 leaves it (STARTED), with the
     * lease of this instance's previous life; or, with {@code live=true}, as an execution running
     * on a live instance looks (STARTED, its lease fresh).
     */
    @POST
    @Path("runs/{runId}/killed")
    public Map<String, Object> killed(@PathParam("runId") String runId, @QueryParam("live") boolean live) {
        requireAdmin();
        long execution = store.find(runId).orElseThrow().executionId();
        repository.markStarted(execution);
        leases.hold(execution);
        if (!live) {
            leases.leftByPreviousLife(execution);
        }
        String before = runs.status(store.find(runId).orElseThrow());
        return Map.of("execution", execution, "statusBefore", before);
    }

    @POST
    @Path("startup-recovery")
    public Map<String, Object> startupRecovery() {
        requireAdmin();
        return Map.of("failed", leases.failDead(StatisticsRuns.JOB, true));
    }

    private DisputeCase byNumber(String number) {
        return em.createQuery("select c from DisputeCase c where c.caseNumber = :n", DisputeCase.class)
                .setParameter("n", number).getSingleResult();
    }

    private DisputeCase register(MatterKind kind, String office, String region, DisputeType type) {
        return intake.register(new IntakeCommand(kind, Channel.WALK_IN, null, type, "统计测试纠纷",
                region, null, null, 2, RiskLevel.LOW, office, null,
                List.of(new IntakeCommand.PartyData(PartyRole.APPLICANT, PartyKind.PERSON, "李四", null, null,
                        "13800138000", null))));
    }

    private void flushEvery(int i) {
        if (i % 100 == 99) {
            em.flush();
            em.clear();
        }
    }

    private void requireAdmin() {
        if (!security.isUserInRole("ADMIN")) {
            throw ProblemException.forbidden("fixtures are for the admin");
        }
    }
}
