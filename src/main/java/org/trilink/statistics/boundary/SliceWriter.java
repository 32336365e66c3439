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
 * Rewrites the chunk's days as one slice in the chunk's transaction: a few set-based statements
 * per chunk, not per day or per case. Job parameter failOnDay (tests only, never set by the API)
 * makes the chunk holding that day fail after its statements ran, so its transaction rolls back
 * with work done, to prove a restart counts right.
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

    /** The id range of the partition's month when the run was planned; empty when it had no cases. */
    @Inject
    @BatchProperty
    String lowestId;

    @Inject
    @BatchProperty
    String highestId;

    @Inject
    StatisticsSlices slices;

    @Override
    public void writeItems(List<Object> items) {
        if (items.isEmpty()) {
            return;
        }
        // the reader hands out consecutive days in order
        LocalDate first = (LocalDate) items.get(0);
        LocalDate last = (LocalDate) items.get(items.size() - 1);
        slices.rewrite(runId, first, last, id(lowestId), id(highestId));
        if (failOnDay != null && !failOnDay.isBlank()) {
            LocalDate failing = LocalDate.parse(failOnDay);
            if (!failing.isBefore(first) && !failing.isAfter(last)) {
                throw new IllegalStateException("failure injected at " + failing + " (failOnDay)");
            }
        }
    }

    private static Long id(String value) {
        return value == null || value.isBlank() ? null : Long.valueOf(value);
    }
}
