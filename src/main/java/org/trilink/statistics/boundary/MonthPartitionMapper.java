package org.trilink.statistics.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.statistics.control.RunStore;
import org.trilink.statistics.control.StatisticsSlices;
import org.trilink.statistics.entity.RunParameters;

/** One partition per calendar month of the run's period (the first and last months clipped to it). */
@Named
@Dependent
public class MonthPartitionMapper implements PartitionMapper {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    RunStore runs;

    @Inject
    StatisticsSlices slices;

    /** Partitions worked at once; the database does the work, so about its core count. */
    @Inject
    @ConfigProperty(name = "trilink.statistics.threads", defaultValue = "2")
    int threads;

    @Override
    public PartitionPlan mapPartitions() {
        RunParameters p = runs.parameters(runId);
        runs.total(runId, slices.cohortSize(runId));
        List<Properties> partitions = new ArrayList<>();
        for (LocalDate month = p.from().withDayOfMonth(1); !month.isAfter(p.to()); month = month.plusMonths(1)) {
            LocalDate first = month.isBefore(p.from()) ? p.from() : month;
            LocalDate end = month.plusMonths(1).minusDays(1);
            LocalDate last = end.isAfter(p.to()) ? p.to() : end;
            Properties props = new Properties();
            props.setProperty("firstDay", first.toString());
            props.setProperty("lastDay", last.toString());
            partitions.add(props);
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.size());
        plan.setThreads(Math.max(1, Math.min(threads, partitions.size())));
        plan.setPartitionProperties(partitions.toArray(new Properties[0]));
        return plan;
    }
}
