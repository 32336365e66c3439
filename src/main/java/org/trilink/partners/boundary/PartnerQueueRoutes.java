package org.trilink.partners.boundary;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.trilink.partners.control.IntakeAnswer;
import org.trilink.partners.control.PartnerIntake;
import org.trilink.partners.control.QueueConnection;
import org.trilink.partners.control.RefusalLog;
import org.trilink.partners.control.SignatureCheck;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.Signatures;

/**
 * The queue channel for partners that run a broker: referrals arrive on
 * {@value QueueConnection#INBOUND} as the same signed JSON as over HTTP (signature headers as
 * AMQP headers), pass the same checks and idempotency, and the answer (the HTTP status and
 * body the contract gives) goes to the message's reply-to queue. A message is acknowledged
 * only after it was stored or refused, so a crash means redelivery, which idempotency absorbs.
 * Outbound events to a queue are outbox messages whose target is {@code amqp:<queue>}.
 * Off unless {@code trilink.partners.amqp.uri} is set.
 */
@Dependent
public class PartnerQueueRoutes extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(PartnerQueueRoutes.class.getName());

    @Inject
    QueueConnection broker;

    @Inject
    SignatureCheck signatures;

    @Inject
    PartnerIntake intake;

    @Inject
    RefusalLog refusals;

    @Override
    public void configure() throws Exception {
        if (!broker.configured()) {
            return;
        }
        from("direct:partners.inbound-queue")
                .routeId("partners.inbound-queue")
                .routeConfigurationId(PartnerErrorHandling.ID)
                .process(e -> {
                    Map<String, Object> h = e.getIn().getHeaders();
                    e.getIn().setBody(take(str(h.get(Signatures.PARTNER_ID)), str(h.get(Signatures.TIMESTAMP)),
                            str(h.get(Signatures.SIGNATURE)), e.getIn().getBody(byte[].class)));
                });

        ProducerTemplate template = getContext().createProducerTemplate();
        Channel channel = broker.connection().createChannel();
        channel.queueDeclare(QueueConnection.INBOUND, true, false, false, null);
        channel.basicQos(20);
        channel.basicConsume(QueueConnection.INBOUND, false, "trilink-referrals", new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                try {
                    Map<String, Object> headers = new HashMap<>();
                    if (props.getHeaders() != null) {
                        props.getHeaders().forEach((k, v) -> headers.put(k, str(v)));
                    }
                    QueueAnswer answer = template.requestBodyAndHeaders("direct:partners.inbound-queue", body, headers,
                            QueueAnswer.class);
                    if (props.getReplyTo() != null) {
                        getChannel().basicPublish("", props.getReplyTo(), new AMQP.BasicProperties.Builder()
                                .correlationId(props.getCorrelationId()).contentType(answer.contentType())
                                .headers(Map.of("status", answer.status())).build(),
                                answer.body().getBytes(StandardCharsets.UTF_8));
                    }
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "A queued referral could not be handled: " + e.getClass().getName());
                    try {
                        getChannel().basicNack(envelope.getDeliveryTag(), false, true);
                    } catch (Exception ignored) {
                        // the broker redelivers when the channel closes
                    }
                }
            }
        });
    }

    public record QueueAnswer(int status, String contentType, String body) {
    }

    QueueAnswer take(String partnerId, String timestamp, String signature, byte[] body) {
        try {
            Partner partner = signatures.verify(partnerId, timestamp, signature, body == null ? new byte[0] : body);
            IntakeAnswer a = intake.take(partner, intake.parse(body), "QUEUE");
            return new QueueAnswer(a.status(), "application/json", a.body());
        } catch (ProblemException e) {
            Problem p = e.problem();
            refusals.record(partnerId, "QUEUE", "queue " + QueueConnection.INBOUND, p.status(),
                    p.detail() + (p.errors() == null ? "" : " | " + p.errors().stream()
                            .map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + " | " + b).orElse("")),
                    null);
            return new QueueAnswer(p.status(), Problem.MEDIA_TYPE, p.toResponse().getEntity().toString());
        }
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
