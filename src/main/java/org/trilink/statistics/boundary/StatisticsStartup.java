package org.trilink.statistics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.statistics.control.JobRepository;
import org.trilink.statistics.control.StatisticsRuns;
import org.trilink.statistics.control.StatisticsSchedule;

/**
 * At start-up: executions a killed server left STARTED are marked FAILED (so a drafter can
 * restart them), then the monthly schedule begins.
 */
@ApplicationScoped
public class StatisticsStartup {

    private static final Logger LOG = Logger.getLogger(StatisticsStartup.class.getName());

    @Inject
    JobRepository repository;

    @Inject
    StatisticsSchedule schedule;

    /** Off when several instances share the database and one may be running a job right now. */
    @Inject
    @ConfigProperty(name = "trilink.statistics.fail-stale-executions-at-start", defaultValue = "true")
    boolean failStale;

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            repository.prepareH2();
            if (failStale) {
                repository.failStale(StatisticsRuns.JOB);
            }
        } catch (RuntimeException e) {
            // the application must come up even when the repository cannot be read; restarts then wait
            LOG.log(Level.WARNING, "Could not check for statistics executions left running", e);
        }
        schedule.begin();
    }
}
