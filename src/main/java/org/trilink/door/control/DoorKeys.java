package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes for the door: phones and codes as HMAC-SHA256 under a key kept in the database (made
 * once by the first instance that needs it, so every instance of a cluster hashes alike), pass
 * tokens as plain SHA-256 (they are 256 random bits). A phone is stored only so hashed.
 */
@ApplicationScoped
public class DoorKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    private volatile byte[] key;

    public String phoneHash(String phone) {
        return hmac("phone:" + (phone == null ? "" : phone.strip()));
    }

    public String codeHash(String challenge, String code) {
        return hmac("code:" + challenge + ":" + code);
    }

    public static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 256 random bits, URL-safe: challenges and pass tokens. */
    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Six random digits, leading zeros kept. */
    public static String randomCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            em.createNativeQuery("insert into door_secret (id, secret) values (1, ?) on conflict do nothing")
                    .setParameter(1, HexFormat.of().formatHex(fresh)).executeUpdate();
            String stored = (String) em.createNativeQuery("select secret from door_secret where id = 1")
                    .getSingleResult();
            k = HexFormat.of().parseHex(stored);
            key = k;
        }
        return k;
    }
}
