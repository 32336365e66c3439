package org.trilink.partners.control;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.trilink.outbox.entity.OutboxMessage;

/**
 * What one delivery attempt makes of a pending message: a 2xx delivers it; a transient failure
 * (see {@link Backoff#retryable}) waits longer each time until the give-up age; any other answer,
 * or giving up, makes it a dead letter. {@code nextAttemptAt} is set only for a retry.
 */
public record Settlement(OutboxMessage.Status status, Integer httpStatus, String error, OffsetDateTime nextAttemptAt) {

    /** Errors are kept short: they are for an admin's eye, and the column holds 500. */
    static final int ERROR_LENGTH = 480;

    /**
     * @param attemptsBefore how many attempts the message had before this one
     * @param createdAt      when the message was written (or last replayed): the give-up age counts from it
     */
    public static Settlement of(Backoff backoff, int attemptsBefore, OffsetDateTime createdAt, Integer httpStatus,
                                String error, OffsetDateTime now) {
        if (httpStatus != null && httpStatus >= 200 && httpStatus < 300) {
            return new Settlement(OutboxMessage.Status.DELIVERED, httpStatus, null, null);
        }
        if (!Backoff.retryable(httpStatus)) {
            return new Settlement(OutboxMessage.Status.DEAD, httpStatus, truncate(error), null);
        }
        Optional<OffsetDateTime> next = backoff.next(attemptsBefore + 1, createdAt, now);
        return next.map(at -> new Settlement(OutboxMessage.Status.PENDING, httpStatus, truncate(error), at))
                .orElseGet(() -> new Settlement(OutboxMessage.Status.DEAD, httpStatus,
                        truncate("gave up after " + backoff.giveUpAfter() + ": " + error), null));
    }

    static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= ERROR_LENGTH ? s : s.substring(0, ERROR_LENGTH);
    }
}
