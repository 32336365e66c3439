package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scripts send Basic credentials with every call; checking a PBKDF2 hash costs tens of
 * milliseconds on purpose. A credential verified a moment ago is trusted for a short while.
 * Only a salted SHA-256 of the password is held, with a salt that never leaves this process.
 *
 * <p>When the short while is over, the account is read again (it may have been disabled, or its
 * roles or password changed, on another instance). If its stored hash is still the one the
 * password was verified against, the password is still right and PBKDF2 is not run again: 16
 * clients of one account whose entry expired at once used to run 16 PBKDF2 checks together and
 * stall every request for seconds (seen in a JFR recording of the intake benchmark).
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    record Verified(byte[] digest, String passwordHash, Set<String> groups, long until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Object> checking = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    @Inject
    @ConfigProperty(name = "trilink.security.credential-cache-seconds", defaultValue = "60")
    long seconds;

    /** Milliseconds now; tests move it on. */
    java.util.function.LongSupplier clock = System::currentTimeMillis;

    public CredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    /** The groups of a user whose identical credential was verified within the cache period, or null. */
    Set<String> groupsIfRecentlyVerified(String username, String password) {
        Verified v = verified.get(username);
        if (v == null || v.until() < clock.getAsLong()) {
            return null;
        }
        return MessageDigest.isEqual(v.digest(), digest(username, password)) ? v.groups() : null;
    }

    /**
     * Whether this password was verified, at any time this process remembers, against exactly
     * this stored hash: then it matches the hash still, without running PBKDF2 again.
     */
    boolean verifiedAgainst(String username, String password, String passwordHash) {
        Verified v = verified.get(username);
        return v != null && Objects.equals(v.passwordHash(), passwordHash)
                && MessageDigest.isEqual(v.digest(), digest(username, password));
    }

    /**
     * The lock under which one account's password is checked: concurrent first calls of one
     * account wait for a single PBKDF2 check instead of each running their own.
     */
    Object checkingLock(String username) {
        if (checking.size() >= MAX_ENTRIES) {
            checking.clear();
        }
        return checking.computeIfAbsent(username, u -> new Object());
    }

    void remember(String username, String password, String passwordHash, Set<String> groups) {
        if (seconds <= 0) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            long now = clock.getAsLong();
            verified.values().removeIf(v -> v.until() < now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(username, new Verified(digest(username, password), passwordHash, Set.copyOf(groups),
                clock.getAsLong() + seconds * 1000));
    }

    /** Called when an account's password or roles change, so the change takes effect at once. */
    public void forget(String username) {
        verified.remove(username);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
