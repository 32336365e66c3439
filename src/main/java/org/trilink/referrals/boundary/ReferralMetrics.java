package org.trilink.referrals.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.trilink.platform.metrics.OperationsGauges;

/** The referral backlog as operations see it: how many wait, how long the oldest has waited, how many are late. */
@ApplicationScoped
public class ReferralMetrics {

    @Inject
    OperationsGauges gauges;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // referral_deadline_idx (status, deadline) answers all three
        gauges.count("trilink.referrals.pending", "Referrals sent and not yet accepted or rejected",
                "select count(*) from referral where status = 'PENDING'");
        gauges.count("trilink.referrals.overdue", "Pending referrals past their acceptance deadline",
                "select count(*) from referral where status = 'PENDING' and overdue = true");
        gauges.register("trilink.referrals.oldest.pending.age", "seconds",
                "How long the oldest pending referral has waited for an answer",
                "select min(sent_at) from referral where status = 'PENDING'", rs -> {
                    OffsetDateTime oldest = rs.getObject(1, OffsetDateTime.class);
                    return oldest == null ? 0 : Duration.between(oldest, OffsetDateTime.now()).toSeconds();
                });
    }
}
