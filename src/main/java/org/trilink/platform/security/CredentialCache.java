package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scripts send Basic credentials with every call; checking a PBKDF2 hash costs tens of
 * milliseconds on purpose. A credential verified a moment ago is trusted for a short while.
 * Only a salted SHA-256 of the password is held, with a salt that never leaves this process.
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    record Verified(byte[] digest, Set<String> groups, long until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    @Inject
    @ConfigProperty(name = "trilink.security.credential-cache-seconds", defaultValue = "60")
    long seconds;

    public CredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    /** The groups of a user whose identical credential was verified recently, or null. */
    Set<String> groupsIfRecentlyVerified(String username, String password) {
        Verified v = verified.get(username);
        if (v == null || v.until() < System.currentTimeMillis()) {
            return null;
        }
        return MessageDigest.isEqual(v.digest(), digest(username, password)) ? v.groups() : null;
    }

    void remember(String username, String password, Set<String> groups) {
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
        verified.put(username, new Verified(digest(username, password), Set.copyOf(groups),
                System.currentTimeMillis() + seconds * 1000));
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
