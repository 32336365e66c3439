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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.offices.control.StaffDirectory;

/**
 * Scripts send Basic credentials with every call; checking a PBKDF2 hash costs tens of
 * milliseconds on purpose. A credential verified a moment ago against the same stored hash is
 * trusted for a short while. Only a salted SHA-256 of the password and the stored hash is held,
 * with a salt that never leaves this process. Roles and the account's state are not cached:
 * StaffIdentityStore reads them on every call, so a change made on any instance applies at once,
 * and a password reset there changes the stored hash, which no entry here matches.
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    record Verified(byte[] digest, long until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    @Inject
    @ConfigProperty(name = "trilink.security.credential-cache-seconds", defaultValue = "60")
    long seconds;

    public CredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    /** Whether this password was verified recently against this very stored hash. */
    boolean recentlyVerified(String username, String password, String passwordHash) {
        Verified v = verified.get(username);
        if (v == null || v.until() < System.currentTimeMillis()) {
            return false;
        }
        return MessageDigest.isEqual(v.digest(), digest(username, password, passwordHash));
    }

    void remember(String username, String password, String passwordHash) {
        if (seconds <= 0) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            long now = System.currentTimeMillis();
            verified.values().removeIf(v -> v.until() < now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(username, new Verified(digest(username, password, passwordHash),
                System.currentTimeMillis() + seconds * 1000));
    }

    /** Called when an account's password or roles change, so the change takes effect at once. */
    public void forget(String username) {
        verified.remove(username);
    }

    /** After the commit of a change to an account: nothing verified before it is trusted any more. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) StaffDirectory.StaffChanged change) {
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
