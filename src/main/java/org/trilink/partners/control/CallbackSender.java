package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Logger;
import org.trilink.notifications.control.NotificationChannels;
import org.trilink.partners.entity.OutboxMessage;
import org.trilink.partners.entity.Partner;

/**
 * Delivers one outbox message to its partner: signed with the partner's current secret, with
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

    public OutboxMessage.Status deliver(long outboxId) {
        OutboxMessage m = outbox.get(outboxId);
        if (m.status() != OutboxMessage.Status.PENDING) {
            return m.status();
        }
        if (m.partnerCode() == null) {
            // a notification to people (kind EMAIL / SMS): same outbox, same rules, its own channel
            long started = System.nanoTime();
            NotificationChannels.Result r = channels.send(m);
            OutboxMessage.Status after = outbox.recordAttempt(outboxId, r.status(), r.error(),
                    (int) ((System.nanoTime() - started) / 1_000_000));
            if (after == OutboxMessage.Status.DEAD) {
                LOG.warning("Notification " + m.eventId() + " (" + m.kind() + ", " + m.event() + ") is a dead letter: "
                        + r.error());
            }
            return after;
        }
        Partner partner = registry.find(m.partnerCode()).orElse(null);
        if (partner == null || m.targetUrl() == null) {
            return outbox.recordAttempt(outboxId, null, "the partner or its callback URL is gone", 0);
        }
        byte[] body = m.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.millis() / 1000;
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            if (m.targetUrl().startsWith("amqp:")) {
                // a partner that runs a broker hears back on its queue, signed the same way
                broker.publish(m.targetUrl().substring(5), java.util.Map.of(
                        Signatures.PARTNER_ID, partner.code(),
                        Signatures.TIMESTAMP, Long.toString(timestamp),
                        Signatures.SIGNATURE, Signatures.sign(partner.secret(), timestamp, body),
                        "Idempotency-Key", m.eventId()), body);
                int ms = (int) ((System.nanoTime() - started) / 1_000_000);
                return outbox.recordAttempt(outboxId, 200, null, ms);
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
        int ms = (int) ((System.nanoTime() - started) / 1_000_000);
        OutboxMessage.Status after = outbox.recordAttempt(outboxId, status, error, ms);
        if (after == OutboxMessage.Status.DEAD) {
            LOG.warning("Callback " + m.eventId() + " to partner " + m.partnerCode() + " is a dead letter: " + error);
        }
        return after;
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
