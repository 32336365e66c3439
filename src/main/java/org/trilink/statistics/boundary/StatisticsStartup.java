package org.trilink.statistics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.statistics.control.ExecutionLeases;
import org.trilink.statistics.control.JobRepository;
import org.trilink.statistics.control.StatisticsRuns;
import org.trilink.statistics.control.StatisticsSchedule;

/**
 * At start-up: executions this instance's killed previous life left STARTED are marked FAILED
 * (so a drafter can restart them), the execution leases start being renewed and checked
 * ({@link ExecutionLeases}), then the monthly schedule begins.
 */
@ApplicationScoped
public class StatisticsStartup {

    private static final Logger LOG = Logger.getLogger(StatisticsStartup.class.getName());

    @Inject
    JobRepository repository;

    @Inject
    StatisticsSchedule schedule;

    @Inject
    ExecutionLeases leases;

    /** Whether start-up fails this instance's executions from before it restarted (and any whose lease ran out). */
    @Inject
    @ConfigProperty(name = "trilink.statistics.fail-stale-executions-at-start", defaultValue = "true")
    boolean failStale;

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            repository.prepareH2();
            if (failStale) {
                leases.failDead(StatisticsRuns.JOB, true);
            }
        } catch (RuntimeException e) {
            // the application must come up even when the repository cannot be read; restarts then wait
            LOG.log(Level.WARNING, "Could not check for statistics executions left running", e);
        }
        leases.begin();
        schedule.begin();
    }
}
