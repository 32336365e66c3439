package org.trilink.statistics.boundary;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trilink.statistics.control.RunFigures;

/** The job's last step: the partial sums of every day become the run's figures. */
@Named
@Dependent
public class FigureCombiner extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    RunFigures figures;

    @Override
    public String process() {
        figures.combine(runId);
        return "COMPLETED";
    }
}
