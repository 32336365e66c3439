package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The partner exchange's settings (MicroProfile Config; each key also as an environment
 * variable, e.g. TRILINK_PARTNERS_DELIVERY_GIVE_UP_AFTER). Defaults are the production ones.
 */
@ApplicationScoped
public class PartnerSettings {

    /** Working hours (weekends do not count) a receiving office without its own setting has for a partner's referral. */
    @Inject
    @ConfigProperty(name = "trilink.partners.referral-deadline-hours", defaultValue = "72")
    int referralDeadlineHours;

    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.poll", defaultValue = "PT1S")
    Duration poll;

    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.first-retry", defaultValue = "PT10S")
    Duration firstRetry;

    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.max-retry", defaultValue = "PT1H")
    Duration maxRetry;

    /** The contract asks for at least 24 hours of retries. */
    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.give-up-after", defaultValue = "PT25H")
    Duration giveUpAfter;

    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.batch", defaultValue = "200")
    int batch;

    @Inject
    @ConfigProperty(name = "trilink.partners.delivery.threads", defaultValue = "16")
    int threads;

    @Inject
    @ConfigProperty(name = "trilink.partners.file.poll", defaultValue = "PT2S")
    Duration filePoll;

    public int referralDeadlineHours() {
        return referralDeadlineHours;
    }

    public Duration poll() {
        return poll;
    }

    public Duration timeout() {
        return timeout;
    }

    public int batch() {
        return batch;
    }

    public int threads() {
        return threads;
    }

    public Duration filePoll() {
        return filePoll;
    }

    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    public Backoff backoff() {
        return new Backoff(firstRetry, maxRetry, giveUpAfter);
    }
}
