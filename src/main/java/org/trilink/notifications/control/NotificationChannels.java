package org.trilink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Date;
import java.util.Properties;
import org.trilink.cases.control.PartyContacts;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.platform.security.Signatures;
import org.trilink.platform.JsonTrees;

/**
 * The pluggable channels behind the outbox's EMAIL and SMS messages: e-mail over SMTP (Jakarta
 * Mail, as Payara ships it) and an SMS gateway over HTTP, signed like the partner exchange
 * (HMAC-SHA256 of timestamp and body with the gateway's secret, the event id as Idempotency-Key).
 * Each answers like an HTTP status so that the outbox applies one set of retry rules: 200
 * delivered; null (no answer) or 5xx retried; another 4xx a dead letter. Errors never carry the
 * phone number.
 */
@ApplicationScoped
public class NotificationChannels {

    /** How one try went. */
    public record Result(Integer status, String error) {
    }

    @Inject
    PartyContacts parties;

    @Inject
    NotificationSettings settings;

    @Inject
    QuietHours quietHours;

    private volatile HttpClient client;

    /**
     * Until when a message due now must still wait: an SMS to a party in quiet hours (a retry that
     * came due at night, a message held before the calendar gained a holiday) is held, not tried.
     */
    public Optional<OffsetDateTime> heldUntil(OutboxMessage m, OffsetDateTime now) {
        if (!QuietHours.appliesTo(m.kind(), m.event())) {
            return Optional.empty();
        }
        OffsetDateTime at = quietHours.sendAt(now);
        return at.isAfter(now) ? Optional.of(at) : Optional.empty();
    }

    public Result send(OutboxMessage m) {
        JsonObject payload = JsonTrees.object(m.payload());
        return switch (m.kind()) {
            case Notifications.EMAIL -> email(m, payload);
            case Notifications.SMS -> sms(m, payload);
            default -> new Result(400, "no channel for kind " + m.kind());
        };
    }

    Result email(OutboxMessage m, JsonObject payload) {
        if (!settings.emailOn()) {
            return new Result(null, "e-mail channel is off (no SMTP host)");
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.smtpHost());
        props.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Authenticator auth = null;
        if (settings.smtpUser().isPresent()) {
            props.put("mail.smtp.auth", "true");
            String user = settings.smtpUser().get();
            String password = settings.smtpPassword().orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(props, auth));
            mail.setFrom(new InternetAddress(settings.from()));
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.targetUrl().substring("mailto:".length())));
            mail.setSubject(payload.getString("subject"), "UTF-8");
            mail.setText(payload.getString("text"), "UTF-8");
            mail.setSentDate(new Date());
            // a receiving system that sees the same message twice (a retry after a lost answer) can tell
            mail.setHeader("Message-ID", "<" + m.eventId() + "@trilink>");
            Transport.send(mail);
            return new Result(200, null);
        } catch (SendFailedException e) {
            // the server refused the address: trying again will not help
            return new Result(400, "SMTP refused the recipient");
        } catch (MessagingException e) {
            return new Result(null, "SMTP: " + e.getClass().getSimpleName());
        }
    }

    Result sms(OutboxMessage m, JsonObject payload) {
        if (!settings.smsOn()) {
            return new Result(null, "SMS channel is off (no gateway URL)");
        }
        String phone = phone(m.targetUrl());
        if (phone == null) {
            return new Result(400, "the party or its phone is gone");
        }
        return post(m.eventId(), phone, payload.getString("text"));
    }

    /**
     * Sends an SMS at once, not through the outbox: for one-time codes (issue 24), which are worth
     * nothing a few minutes later, so a retry hours on would only confuse, and which go out at
     * night too (the party is at the screen asking for one). The caller learns at once whether
     * the gateway took it. Neither the number nor the text is logged.
     */
    public Result sendSmsNow(String messageId, String phone, String text) {
        if (!settings.smsOn()) {
            return new Result(null, "SMS channel is off (no gateway URL)");
        }
        return post(messageId, phone, text);
    }

    private Result post(String messageId, String phone, String text) {
        byte[] body = Json.createObjectBuilder().add("messageId", messageId).add("to", phone)
                .add("text", text).build().toString().getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.smsUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(Signatures.TIMESTAMP, Long.toString(timestamp))
                    .header(Signatures.SIGNATURE, Signatures.sign(settings.smsSecret(), timestamp, body))
                    .header("Idempotency-Key", messageId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(status, status >= 200 && status < 300 ? null : "SMS gateway HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        } catch (Exception e) {
            // the exception's message might quote the request: only its type
            return new Result(null, "SMS gateway: " + e.getClass().getSimpleName());
        }
    }

    private String phone(String target) {
        if (target == null || !target.startsWith("sms:party/")) {
            return null;
        }
        return parties.phone(Long.parseLong(target.substring("sms:party/".length()))).orElse(null);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .version(HttpClient.Version.HTTP_1_1).build();
                }
                c = client;
            }
        }
        return c;
    }
}
