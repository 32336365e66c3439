package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.platform.metrics.OperationsGauges;

/**
 * Messages to partners: the outbox backlog and its dead letters (shared by all instances, from
 * the database), and this instance's delivery attempts by outcome (a counter per instance;
 * Prometheus sums them).
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    OperationsGauges gauges;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // partner_outbox_due_idx (status, next_attempt_at) answers all three
        gauges.count("trilink.partner.outbox.pending", "Messages to partners waiting to be delivered",
                "select count(*) from partner_outbox where status = 'PENDING'");
        gauges.count("trilink.partner.outbox.dead", "Messages to partners given up (dead letters), to be looked at",
                "select count(*) from partner_outbox where status = 'DEAD'");
        gauges.register("trilink.partner.outbox.oldest.pending.age", "seconds",
                "How long the oldest undelivered message to a partner has waited",
                "select min(created_at) from partner_outbox where status = 'PENDING'", rs -> {
                    OffsetDateTime oldest = rs.getObject(1, OffsetDateTime.class);
                    return oldest == null ? 0 : Duration.between(oldest, OffsetDateTime.now()).toSeconds();
                });
        for (OutboxMessage.Status s : OutboxMessage.Status.values()) {
            attempts(s); // every outcome shows, at 0, from the start
        }
    }

    /** The counters by outcome, looked up once: an attempt is counted once per delivered event. */
    private final Map<OutboxMessage.Status, Counter> counters = new ConcurrentHashMap<>();

    /** One delivery attempt ended, leaving its message in the given state. */
    void attempted(OutboxMessage.Status outcome) {
        counters.computeIfAbsent(outcome, this::attempts).inc();
    }

    private Counter attempts(OutboxMessage.Status outcome) {
        return registry.counter("trilink.partner.delivery.attempts", new Tag("outcome", outcome.name().toLowerCase()));
    }
}
