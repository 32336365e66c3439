package org.trilink.partners.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Growing waits between delivery attempts: doubling from the first, capped, until the give-up age. */
public record Backoff(Duration first, Duration max, Duration giveUpAfter) {

    /** When to try again after {@code attempts} failed tries, or empty when the message is too old. */
    public Optional<OffsetDateTime> next(int attempts, OffsetDateTime createdAt, OffsetDateTime now) {
        if (!now.isBefore(createdAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        if (wait.compareTo(max) > 0 || wait.isNegative()) {
            wait = max;
        }
        return Optional.of(now.plus(wait));
    }

    /** A transient failure, worth another try: timeouts, 408, 429 and 5xx. */
    public static boolean retryable(Integer httpStatus) {
        return httpStatus == null || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
}
