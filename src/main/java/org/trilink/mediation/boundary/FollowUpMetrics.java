package org.trilink.mediation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.trilink.platform.metrics.OperationsGauges;

/** Follow-up visits the overdue check found missed and that are still not recorded. */
@ApplicationScoped
public class FollowUpMetrics {

    @Inject
    OperationsGauges gauges;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // case_follow_up_overdue_idx (V10) narrows this to the flagged cases
        gauges.count("trilink.follow.ups.overdue", "Concluded cases whose follow-up visit is overdue and not recorded",
                "select count(*) from dispute_case c where c.follow_up_overdue_at is not null"
                        + " and c.status = 'CONCLUDED'"
                        + " and not exists (select 1 from follow_up_visit v where v.case_id = c.id)");
    }
}
