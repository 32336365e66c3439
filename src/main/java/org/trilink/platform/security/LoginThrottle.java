package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows and stops password guessing, on the login form and on HTTP Basic alike (等保三级: login
 * failure handling). Per account name, a first failure is a typo and costs nothing; each further
 * one makes the next attempt wait longer (1 s, 2 s, 4 s) and the fifth locks the account for 15
 * minutes, until then or until the admin
 * unlocks it. Per client address there is a growing delay only, and only after many failures:
 * an office's staff share one NAT address, and one person's typing must not lock the office out.
 * An attempt made too early is refused without looking at the password (and does not count).
 * The counts live in the database, so both instances of a cluster see the same ones.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    /** Why an attempt is refused before its password is checked, and for how long. */
    public record Refusal(boolean locked, long retryAfterSeconds) {
    }

    /** An account locked now, for the admin. */
    public record Lock(String username, int failures, OffsetDateTime lockedUntil) {
    }

    @Inject
    LoginFailures failures;

    @Inject
    @ConfigProperty(name = "trilink.security.lock-after-failures", defaultValue = "5")
    int lockAfter;

    @Inject
    @ConfigProperty(name = "trilink.security.lock-minutes", defaultValue = "15")
    int lockMinutes;

    /** The wait after an account's second failure; it doubles with each further one. */
    @Inject
    @ConfigProperty(name = "trilink.security.login-delay-millis", defaultValue = "1000")
    long delayMillis;

    /** Failures from one address within the window before that address is slowed down. */
    @Inject
    @ConfigProperty(name = "trilink.security.address-free-failures", defaultValue = "20")
    int addressFree;

    /** The longest an address is made to wait between attempts. */
    @Inject
    @ConfigProperty(name = "trilink.security.address-max-delay-seconds", defaultValue = "60")
    int addressMaxDelaySeconds;

    static String accountKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** Whether an attempt for this name from this address must wait, and how long. */
    public Optional<Refusal> refusal(String username, String address) {
        OffsetDateTime now = OffsetDateTime.now();
        Refusal worst = null;
        for (LoginFailures.Count c : failures.read(List.of(accountKey(username), addressKey(address)))) {
            if (c.nextAttemptAt().isAfter(now)) {
                boolean locked = c.lockedUntil() != null && c.lockedUntil().isAfter(now);
                long seconds = Math.max(1, (Duration.between(now, c.nextAttemptAt()).toMillis() + 999) / 1000);
                if (worst == null || (locked && !worst.locked()) || seconds > worst.retryAfterSeconds()) {
                    worst = new Refusal(locked || (worst != null && worst.locked()), seconds);
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    /** A wrong password (or unknown name) for this name from this address; true if it locked the name now. */
    public boolean failed(String username, String address) {
        OffsetDateTime now = OffsetDateTime.now();
        Duration window = Duration.ofMinutes(lockMinutes);
        boolean locked = record(accountKey(username), now, window, this::accountPolicy);
        record(addressKey(address), now, window, this::addressPolicy);
        return locked;
    }

    /** The right password: the account's failures are forgotten (the address's decay by time). */
    public void succeeded(String username) {
        failures.delete(accountKey(username));
    }

    /** The admin's unlock: the account's failures and lock are gone. */
    public boolean unlock(String username) {
        return failures.delete(accountKey(username));
    }

    /** Accounts locked now. */
    public List<Lock> locks() {
        return failures.locked(OffsetDateTime.now()).stream()
                .map(c -> new Lock(c.key().substring("account:".length()), c.failures(), c.lockedUntil()))
                .toList();
    }

    private boolean record(String key, OffsetDateTime now, Duration window, LoginFailures.Policy policy) {
        for (int attempt = 0; ; attempt++) {
            try {
                return failures.record(key, now, window, policy);
            } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
                // two instances inserting the first failure of one key at once: the loser counts again
                if (attempt >= 2) {
                    LOG.log(Level.WARNING, "A failed sign-in could not be counted: " + e.getClass().getName());
                    return false;
                }
            }
        }
    }

    /** After an account's {@code n}-th failure: when it may try next, and until when it is locked. */
    LoginFailures.Next accountPolicy(int n, OffsetDateTime now) {
        if (n >= lockAfter) {
            OffsetDateTime until = now.plusMinutes(lockMinutes);
            return new LoginFailures.Next(until, until);
        }
        if (n <= 1) {
            return new LoginFailures.Next(now, null);
        }
        return new LoginFailures.Next(now.plus(Duration.ofMillis(doubling(delayMillis, n - 2, Long.MAX_VALUE))), null);
    }

    /** After an address's {@code n}-th failure: free for a while, then doubling delays, never locked. */
    LoginFailures.Next addressPolicy(int n, OffsetDateTime now) {
        if (n <= addressFree) {
            return new LoginFailures.Next(now, null);
        }
        long millis = doubling(1000, n - addressFree - 1, addressMaxDelaySeconds * 1000L);
        return new LoginFailures.Next(now.plus(Duration.ofMillis(millis)), null);
    }

    static long doubling(long first, int doublings, long most) {
        long value = first;
        for (int i = 0; i < doublings && value < most; i++) {
            value *= 2;
        }
        return Math.min(value, most);
    }
}
