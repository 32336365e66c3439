package org.trilink.statistics.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.statistics.control.RunStore;
import org.trilink.statistics.control.StatisticsSlices;

/**
 * One partition per calendar month of the run's period (the first and last months clipped to it),
 * with the id range of the month's cases; the months' counts make the run's progress total.
 */
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
        List<StatisticsSlices.Month> months = slices.months(runId);
        runs.total(runId, months.stream().mapToLong(StatisticsSlices.Month::cases).sum());
        List<Properties> partitions = new ArrayList<>();
        for (StatisticsSlices.Month month : months) {
            Properties props = new Properties();
            props.setProperty("firstDay", month.first().toString());
            props.setProperty("lastDay", month.last().toString());
            // empty: the month has no cases
            props.setProperty("lowestId", month.lowestId() == null ? "" : month.lowestId().toString());
            props.setProperty("highestId", month.highestId() == null ? "" : month.highestId().toString());
            partitions.add(props);
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.size());
        plan.setThreads(Math.max(1, Math.min(threads, partitions.size())));
        plan.setPartitionProperties(partitions.toArray(new Properties[0]));
        return plan;
    }
}
