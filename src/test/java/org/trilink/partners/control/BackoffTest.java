package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackoffTest {

    OffsetDateTime created = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    Backoff production = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(25));

    @Test
    void waitsLongerAfterEachFailureUpToTheCap() {
        OffsetDateTime now = created.plusMinutes(1);
        assertThat(production.next(1, created, now)).contains(now.plusSeconds(10));
        assertThat(production.next(2, created, now)).contains(now.plusSeconds(20));
        assertThat(production.next(5, created, now)).contains(now.plusSeconds(160));
        assertThat(production.next(12, created, now)).contains(now.plusHours(1));
        assertThat(production.next(500, created, now)).contains(now.plusHours(1));
    }

    @Test
    void keepsTryingForAtLeastTwentyFourHoursThenGivesUp() {
        assertThat(production.next(40, created, created.plusHours(24).plusMinutes(59))).isPresent();
        assertThat(production.next(41, created, created.plusHours(25))).isEmpty();
    }

    @Test
    void retriesTimeoutsAndServerTroubleButNotOtherClientErrors() {
        assertThat(Backoff.retryable(null)).isTrue();
        assertThat(Backoff.retryable(408)).isTrue();
        assertThat(Backoff.retryable(429)).isTrue();
        assertThat(Backoff.retryable(500)).isTrue();
        assertThat(Backoff.retryable(503)).isTrue();
        assertThat(Backoff.retryable(400)).isFalse();
        assertThat(Backoff.retryable(401)).isFalse();
        assertThat(Backoff.retryable(404)).isFalse();
        assertThat(Backoff.retryable(410)).isFalse();
    }
}
