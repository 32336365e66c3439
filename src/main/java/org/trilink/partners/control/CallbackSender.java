package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.trilink.notifications.control.NotificationChannels;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.security.Signatures;

/**
 * Delivers outbox messages to their partners: signed with the partner's current secret, with
 * the event id as Idempotency-Key, and records how it went. Called by the delivery route.
 */
@ApplicationScoped
public class CallbackSender {

    private static final Logger LOG = Logger.getLogger(CallbackSender.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    PartnerRegistry registry;

    @Inject
    PartnerSettings settings;

    @Inject
    QueueConnection broker;

    @Inject
    NotificationChannels channels;

    Clock clock = Clock.systemUTC();

    private volatile HttpClient client;

    /** A claimed message and its partner (null for a notification to people, or a partner gone). */
    public record Delivery(OutboxMessage message, Partner partner) {
    }

    /** Reads the claimed messages in one query and each of their partners once. */
    public List<Delivery> prepare(List<Long> outboxIds) {
        Map<String, Optional<Partner>> partners = new HashMap<>();
        return outbox.load(outboxIds).stream()
                .filter(m -> m.status() == OutboxMessage.Status.PENDING)
                .map(m -> new Delivery(m, m.partnerCode() == null ? null
                        : partners.computeIfAbsent(m.partnerCode(), registry::find).orElse(null)))
                .toList();
    }

    /**
     * Delivers one claimed message and records the attempt as soon as the answer is in, so that an
     * acknowledged event is marked delivered at once and a crash repeats only the ones in flight.
     * (Recording a whole chunk in one transaction was faster, but left acknowledged events
     * unrecorded while the chunk's later calls ran; the cluster check caught one delivered again
     * 24 s after its acknowledgement.) No connection or transaction is held during the call.
     */
    public void deliver(Delivery d) {
        OutboxMessage m = d.message();
        // a claim that waited long (a partner timing out on every call) may outlast its lease:
        // another instance may then take the message, so this one leaves it rather than send it twice
        if (m.leaseUntil() != null
                && m.leaseUntil().isBefore(java.time.OffsetDateTime.now(clock).plus(settings.timeout()))) {
            return;
        }
        if (m.partnerCode() == null) {
            // quiet hours: held until the morning, without an attempt counted
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
            Optional<java.time.OffsetDateTime> held = channels.heldUntil(m, now);
            if (held.isPresent()) {
                outbox.hold(m.id(), held.get());
                return;
            }
        }
        Outbox.Attempt attempt = m.partnerCode() == null ? notify(m) : call(m, d.partner());
        if (outbox.record(attempt) == OutboxMessage.Status.DEAD) {
            LOG.warning((m.partnerCode() == null
                    ? "Notification " + m.eventId() + " (" + m.kind() + ", " + m.event() + ")"
                    : "Callback " + m.eventId() + " to partner " + m.partnerCode())
                    + " is a dead letter: " + attempt.error());
        }
    }

    /** A notification to people (kind EMAIL / SMS): same outbox, same rules, its own channel. */
    private Outbox.Attempt notify(OutboxMessage m) {
        long started = System.nanoTime();
        NotificationChannels.Result r = channels.send(m);
        return new Outbox.Attempt(m.id(), r.status(), r.error(), millisSince(started));
    }

    private Outbox.Attempt call(OutboxMessage m, Partner partner) {
        if (partner == null || m.targetUrl() == null) {
            return new Outbox.Attempt(m.id(), null, "the partner or its callback URL is gone", 0);
        }
        byte[] body = m.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.millis() / 1000;
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            if (m.targetUrl().startsWith("amqp:")) {
                // a partner that runs a broker hears back on its queue, signed the same way
                broker.publish(m.targetUrl().substring(5), Map.of(
                        Signatures.PARTNER_ID, partner.code(),
                        Signatures.TIMESTAMP, Long.toString(timestamp),
                        Signatures.SIGNATURE, Signatures.sign(partner.secret(), timestamp, body),
                        "Idempotency-Key", m.eventId()), body);
                return new Outbox.Attempt(m.id(), 200, null, millisSince(started));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(m.targetUrl()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(Signatures.PARTNER_ID, partner.code())
                    .header(Signatures.TIMESTAMP, Long.toString(timestamp))
                    .header(Signatures.SIGNATURE, Signatures.sign(partner.secret(), timestamp, body))
                    .header("Idempotency-Key", m.eventId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new Outbox.Attempt(m.id(), status, error, millisSince(started));
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                            .version(HttpClient.Version.HTTP_1_1).build();
                }
                c = client;
            }
        }
        return c;
    }
}
