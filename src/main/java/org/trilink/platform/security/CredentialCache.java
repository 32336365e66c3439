package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scripts send Basic credentials with every call; checking a PBKDF2 hash costs tens of
 * milliseconds on purpose. A password verified against an account's stored hash is remembered
 * as a salted SHA-256 of the password and that hash (the salt never leaves this process), so
 * the next call with the same password against the same stored hash skips PBKDF2. Roles and the
 * account's state are not cached: StaffIdentityStore reads the account on every call, so a change
 * made on any instance applies at once, and a password reset changes the stored hash, which no
 * entry here matches.
 *
 * <p>An entry lasts while it is used: each hit extends it by the cache period, and only an
 * unused entry runs out. A fixed expiry made all 16 clients of one account run PBKDF2 together
 * once a minute and stall every request for seconds (25% of the CPU samples in a JFR recording
 * of the intake benchmark); since the stored hash is compared on every call, expiry adds no
 * safety. Concurrent first checks of one account share one PBKDF2 ({@link #checkingLock}).
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    record Verified(byte[] digest, long until) {
    }

    /** Per name, a salted digest of the password last verified (whatever the stored hash): see {@link #vouchesFor}. */
    private final Map<String, byte[]> vouched = new ConcurrentHashMap<>();

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Object> checking = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    @Inject
    @ConfigProperty(name = "trilink.security.credential-cache-seconds", defaultValue = "60")
    long seconds;

    /** Milliseconds now; tests move it on. */
    LongSupplier clock = System::currentTimeMillis;

    public CredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    /** Whether this password was verified against this very stored hash, and the entry is in use. */
    boolean recentlyVerified(String username, String password, String passwordHash) {
        Verified v = verified.get(username);
        long now = clock.getAsLong();
        if (v == null || v.until() < now || !MessageDigest.isEqual(v.digest(), digest(username, password, passwordHash))) {
            return false;
        }
        if (v.until() - now < seconds * 500) {
            verified.replace(username, v, new Verified(v.digest(), now + seconds * 1000)); // in use: keep it
        }
        return true;
    }

    /**
     * Whether this very password was verified for this name lately on this instance: such a call
     * is no guess, and sign-in throttling need not look at the database for it. Any failure of
     * the name forgets it ({@link #forget(String)}), so guesses are always counted.
     */
    boolean vouchesFor(String username, String password) {
        byte[] v = vouched.get(username);
        Verified current = verified.get(username);
        return v != null && password != null && current != null && current.until() >= clock.getAsLong()
                && MessageDigest.isEqual(v, digest(username, password, ""));
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

    void remember(String username, String password, String passwordHash) {
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
        if (vouched.size() >= MAX_ENTRIES) {
            vouched.clear();
        }
        verified.put(username, new Verified(digest(username, password, passwordHash),
                clock.getAsLong() + seconds * 1000));
        vouched.put(username, digest(username, password, ""));
    }

    /** Called when an account's password or roles change, so the change takes effect at once. */
    public void forget(String username) {
        verified.remove(username);
        vouched.remove(username);
    }

    /** After the commit of a change to an account: nothing verified before it is trusted any more. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        forget(change.username());
    }

    private byte[] digest(String username, String password, String passwordHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(passwordHash.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
