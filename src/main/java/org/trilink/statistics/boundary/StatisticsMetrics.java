package org.trilink.statistics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.trilink.platform.metrics.OperationsGauges;

/** Statistics runs (Jakarta Batch jobs): how long the latest took, how many completed, how many are open. */
@ApplicationScoped
public class StatisticsMetrics {

    @Inject
    OperationsGauges gauges;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // stat_run_completed_idx (V10)
        gauges.register("trilink.statistics.last.run.duration", "seconds",
                "From request to completion of the latest completed statistics run",
                "select requested_at, completed_at from stat_run where completed_at is not null"
                        + " order by completed_at desc fetch first 1 rows only", rs -> {
                    OffsetDateTime requested = rs.getObject(1, OffsetDateTime.class);
                    OffsetDateTime completed = rs.getObject(2, OffsetDateTime.class);
                    return Duration.between(requested, completed).toMillis() / 1000.0;
                });
        gauges.count("trilink.statistics.runs.completed", "Statistics runs completed",
                "select count(*) from stat_run where completed_at is not null");
        gauges.count("trilink.statistics.runs.open", "Statistics runs requested and not completed (running, or failed and not restarted)",
                "select count(*) from stat_run where completed_at is null");
    }
}
