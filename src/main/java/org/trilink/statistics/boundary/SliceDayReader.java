package org.trilink.statistics.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Reads the days of one partition in order. Its checkpoint is the next day to read, so a
 * restarted partition goes on after the last committed chunk.
 */
@Named
@Dependent
public class SliceDayReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String firstDay;

    @Inject
    @BatchProperty
    String lastDay;

    private LocalDate next;
    private LocalDate last;

    @Override
    public void open(Serializable checkpoint) {
        next = checkpoint != null ? LocalDate.parse((String) checkpoint) : LocalDate.parse(firstDay);
        last = LocalDate.parse(lastDay);
    }

    @Override
    public Object readItem() {
        if (next.isAfter(last)) {
            return null;
        }
        LocalDate day = next;
        next = next.plusDays(1);
        return day;
    }

    @Override
    public Serializable checkpointInfo() {
        return next == null ? null : next.toString();
    }
}
