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
 * The run's period in partitions of whole calendar months (the first and last clipped to it), as
 * many consecutive months in one as hold up to {@code trilink.statistics.partition-cases} cases
 * together (a month with more stands alone), each with the id range of its cases; the months'
 * counts make the run's progress total.
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

    /**
     * Consecutive months go to one partition while it holds at most this many cases: a partition
     * costs the job repository a sub-job, a step execution and their status writes (about a tenth
     * to a quarter of a second on the project's busy machine, where the database groups a month of
     * a district's 8,000-case year in 15-25 ms), so a district's year is one partition and a
     * national month (760,000 cases) still one of its own.
     */
    @Inject
    @ConfigProperty(name = "trilink.statistics.partition-cases", defaultValue = "100000")
    long partitionCases;

    @Override
    public PartitionPlan mapPartitions() {
        List<StatisticsSlices.Month> months = slices.months(runId);
        runs.total(runId, months.stream().mapToLong(StatisticsSlices.Month::cases).sum());
        List<Properties> partitions = new ArrayList<>();
        for (StatisticsSlices.Month month : StatisticsSlices.partitions(months, partitionCases)) {
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
