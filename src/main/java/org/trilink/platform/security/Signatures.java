package org.trilink.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The contract's signature: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>},
 * the same in both directions.
 */
public final class Signatures {

    public static final String PARTNER_ID = "X-Partner-Id";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String SIGNATURE = "X-Signature";
    public static final long ALLOWED_SKEW_SECONDS = 300;

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Constant-time, so that the time taken does not tell how much of a guess was right. */
    public static boolean matches(String secret, long timestamp, byte[] body, String given) {
        if (given == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean fresh(long timestamp, long nowSeconds) {
        return Math.abs(nowSeconds - timestamp) <= ALLOWED_SKEW_SECONDS;
    }
}
