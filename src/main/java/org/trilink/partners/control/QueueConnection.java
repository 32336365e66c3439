package org.trilink.partners.control;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The message-queue channel's broker connection (RabbitMQ, AMQP 0-9-1), made only when
 * {@code trilink.partners.amqp.uri} names a broker. Its threads come from the container, so
 * that consumers may call transactional beans. Connection recovery is the client's.
 */
@ApplicationScoped
public class QueueConnection {

    private static final Logger LOG = Logger.getLogger(QueueConnection.class.getName());

    /** Partners publish referrals here, with the same X-Partner-Id/X-Timestamp/X-Signature headers. */
    public static final String INBOUND = "trilink.partner.referrals";

    @Inject
    @ConfigProperty(name = "trilink.partners.amqp.uri")
    Optional<String> uri;

    @Resource
    ManagedThreadFactory threads;

    private volatile Connection connection;

    public boolean configured() {
        return uri.filter(u -> u.startsWith("amqp")).isPresent();
    }

    public synchronized Connection connection() {
        if (connection == null || !connection.isOpen()) {
            try {
                ConnectionFactory factory = new ConnectionFactory();
                factory.setUri(uri.orElseThrow());
                factory.setThreadFactory(threads);
                factory.setAutomaticRecoveryEnabled(true);
                connection = factory.newConnection("trilink");
                LOG.info("Connected to the partner broker");
            } catch (Exception e) {
                throw new IllegalStateException("Cannot reach the partner broker: " + e.getClass().getSimpleName(), e);
            }
        }
        return connection;
    }

    /** Publishes persistently and waits for the broker's confirmation, so a 2xx-like success is real. */
    public void publish(String queue, java.util.Map<String, Object> headers, byte[] body) throws Exception {
        try (Channel channel = connection().createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", queue, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                    .contentType("application/json").contentEncoding("utf-8").deliveryMode(2)
                    .headers(headers).build(), body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }
    }
}
