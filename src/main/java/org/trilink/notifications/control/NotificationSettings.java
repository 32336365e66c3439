package org.trilink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The channels' settings (MicroProfile Config; also as environment variables, e.g.
 * TRILINK_NOTIFICATIONS_SMTP_HOST). An empty SMTP host or SMS gateway URL switches that channel off.
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
}
