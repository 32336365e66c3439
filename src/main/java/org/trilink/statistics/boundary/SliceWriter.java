package org.trilink.statistics.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.trilink.statistics.control.StatisticsSlices;

/**
 * Rewrites each day of the chunk in the chunk's transaction. Job parameter failOnDay (tests
 * only, never set by the API) makes the job fail at that day, to prove a restart counts right.
 */
@Named
@Dependent
public class SliceWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String failOnDay;

    @Inject
    StatisticsSlices slices;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            LocalDate day = (LocalDate) item;
            slices.rewrite(runId, day);
            if (failOnDay != null && !failOnDay.isBlank() && day.toString().equals(failOnDay)) {
                throw new IllegalStateException("failure injected at " + day + " (failOnDay)");
            }
        }
    }
}
