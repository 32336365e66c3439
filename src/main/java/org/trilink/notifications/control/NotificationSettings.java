package org.trilink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channels' settings (MicroProfile Config; also as environment variables, e.g.
 * TRILINK_NOTIFICATIONS_SMTP_HOST). An empty SMTP host or SMS gateway URL switches that channel off.
 * SMS to parties keep quiet from {@code sms.quiet-from} to {@code sms.quiet-until} (local times of
 * the district; equal times: no night) and on days off, see {@link QuietHours}.
 */
@ApplicationScoped
public class NotificationSettings {

    @Inject
    @ConfigProperty(name = "trilink.notifications.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "trilink.notifications.smtp.port", defaultValue = "25")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "trilink.notifications.smtp.from", defaultValue = "trilink@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "trilink.notifications.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "trilink.notifications.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "trilink.notifications.sms.url")
    Optional<String> smsUrl;

    @Inject
    @ConfigProperty(name = "trilink.notifications.sms.secret")
    Optional<String> smsSecret;

    @Inject
    @ConfigProperty(name = "trilink.notifications.sms.locale", defaultValue = "zh-CN")
    String smsLocale;

    @Inject
    @ConfigProperty(name = "trilink.notifications.sms.quiet-from", defaultValue = "21:00")
    String quietFrom;

    @Inject
    @ConfigProperty(name = "trilink.notifications.sms.quiet-until", defaultValue = "08:00")
    String quietUntil;

    public boolean emailOn() {
        return smtpHost.filter(h -> !h.isBlank()).isPresent();
    }

    public boolean smsOn() {
        return smsUrl.filter(u -> !u.isBlank()).isPresent();
    }

    public String smtpHost() {
        return smtpHost.orElse("");
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String from() {
        return from;
    }

    public Optional<String> smtpUser() {
        return smtpUser.filter(u -> !u.isBlank());
    }

    public Optional<String> smtpPassword() {
        return smtpPassword;
    }

    public String smsUrl() {
        return smsUrl.orElse("");
    }

    public String smsSecret() {
        return smsSecret.orElse("");
    }

    public String smsLocale() {
        return smsLocale;
    }

    /** When the night begins for SMS to parties (HH:mm, district time). */
    public LocalTime quietFrom() {
        return LocalTime.parse(quietFrom.strip());
    }

    /** When the night ends for SMS to parties: held messages go out then, on a working day. */
    public LocalTime quietUntil() {
        return LocalTime.parse(quietUntil.strip());
    }
}
