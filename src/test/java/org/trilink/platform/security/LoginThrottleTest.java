package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How long a name or an address must wait after its failures, and whose address counts. */
class LoginThrottleTest {

    final LoginThrottle throttle = new LoginThrottle();
    final OffsetDateTime now = OffsetDateTime.parse("2026-12-07T09:00:00+08:00");

    LoginThrottleTest() {
        throttle.lockAfter = 5;
        throttle.lockMinutes = 15;
        throttle.delayMillis = 1000;
        throttle.addressFree = 20;
        throttle.addressMaxDelaySeconds = 60;
    }

    @Test
    void aTypoIsFreeThenTheWaitDoublesAndTheFifthFailureLocksForFifteenMinutes() {
        assertThat(throttle.accountPolicy(1, now)).isEqualTo(new LoginFailures.Next(now, null));
        assertThat(throttle.accountPolicy(2, now).nextAttemptAt()).isEqualTo(now.plusSeconds(1));
        assertThat(throttle.accountPolicy(3, now).nextAttemptAt()).isEqualTo(now.plusSeconds(2));
        assertThat(throttle.accountPolicy(4, now).nextAttemptAt()).isEqualTo(now.plusSeconds(4));
        assertThat(throttle.accountPolicy(4, now).lockedUntil()).isNull();
        assertThat(throttle.accountPolicy(5, now)).isEqualTo(new LoginFailures.Next(now.plusMinutes(15),
                now.plusMinutes(15)));
        assertThat(throttle.accountPolicy(9, now).lockedUntil()).isEqualTo(now.plusMinutes(15));
    }

    @Test
    void anAddressIsFreeForTwentyFailuresThenWaitsUpToAMinuteAndIsNeverLocked() {
        assertThat(throttle.addressPolicy(20, now)).isEqualTo(new LoginFailures.Next(now, null));
        assertThat(throttle.addressPolicy(21, now).nextAttemptAt()).isEqualTo(now.plusSeconds(1));
        assertThat(throttle.addressPolicy(23, now).nextAttemptAt()).isEqualTo(now.plusSeconds(4));
        assertThat(throttle.addressPolicy(1000, now)).isEqualTo(new LoginFailures.Next(now.plusSeconds(60), null));
    }

    @Test
    void forwardedAddressesAreBelievedFromTrustedProxiesOnly() {
        Set<String> proxies = Set.of("10.0.0.5", "10.0.0.6");
        assertThat(ClientAddress.of("203.0.113.7", null, proxies)).isEqualTo("203.0.113.7");
        // anyone else may write anything there: not believed
        assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1", proxies)).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of("10.0.0.5", "198.51.100.1", proxies)).isEqualTo("198.51.100.1");
        // a client's own made-up entry comes first; the last hop not a proxy is the client
        assertThat(ClientAddress.of("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6", proxies)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("10.0.0.5", " , ", proxies)).isEqualTo("10.0.0.5");
    }

    @Test
    void namesAreCountedWhateverTheirCase() {
        assertThat(LoginThrottle.accountKey(" Police ")).isEqualTo(LoginThrottle.accountKey("police"));
        assertThat(LoginThrottle.accountKey("x".repeat(500))).hasSize("account:".length() + 200);
    }
}
