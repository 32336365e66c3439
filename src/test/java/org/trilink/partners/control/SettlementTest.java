package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.trilink.outbox.entity.OutboxMessage.Status;

class SettlementTest {

    OffsetDateTime created = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    Backoff production = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(25));

    @Test
    void anyTwoHundredDeliversAndClearsTheError() {
        assertThat(Settlement.of(production, 3, created, 204, "ignored", created.plusMinutes(1)))
                .isEqualTo(new Settlement(Status.DELIVERED, 204, null, null));
    }

    @Test
    void aTransientFailureWaitsAsTheBackoffSays() {
        OffsetDateTime now = created.plusMinutes(1);
        assertThat(Settlement.of(production, 0, created, 503, "HTTP 503", now))
                .isEqualTo(new Settlement(Status.PENDING, 503, "HTTP 503", now.plusSeconds(10)));
        assertThat(Settlement.of(production, 4, created, null, "HttpTimeoutException", now))
                .isEqualTo(new Settlement(Status.PENDING, null, "HttpTimeoutException", now.plusSeconds(160)));
    }

    @Test
    void anotherClientErrorIsADeadLetterAtOnce() {
        assertThat(Settlement.of(production, 0, created, 422, "HTTP 422", created))
                .isEqualTo(new Settlement(Status.DEAD, 422, "HTTP 422", null));
    }

    @Test
    void aTransientFailurePastTheGiveUpAgeIsADeadLetterThatSaysWhy() {
        Settlement s = Settlement.of(production, 40, created, 500, "HTTP 500", created.plusHours(25));
        assertThat(s.status()).isEqualTo(Status.DEAD);
        assertThat(s.error()).isEqualTo("gave up after PT25H: HTTP 500");
        assertThat(s.nextAttemptAt()).isNull();
    }

    @Test
    void errorsAreCutToFitTheColumn() {
        String longError = "x".repeat(2000);
        assertThat(Settlement.of(production, 0, created, 500, longError, created).error()).hasSize(480);
        assertThat(Settlement.truncate(null)).isNull();
    }
}
