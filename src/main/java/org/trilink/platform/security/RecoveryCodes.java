package org.trilink.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The one-time codes a person keeps on paper for a lost phone: ten per enrolment, eight letters
 * and digits each (written {@code abcd-efgh}, without look-alike characters), shown once and kept
 * only as salted SHA-256 digests. 40 bits each, and guessing is throttled like a password.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        SecureRandom random = new SecureRandom();
        List<String> codes = new ArrayList<>();
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return codes;
    }

    /** Whether a text is shaped like a recovery code (spaces, dashes and case aside). */
    public static boolean shaped(String given) {
        String n = normal(given);
        return n.length() == 8 && n.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** The digest kept for a code of this account: a code is worth nothing for another account. */
    public static String digest(String username, String code) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("trilink-recovery:" + username + ":" + normal(code)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normal(String given) {
        return given == null ? "" : given.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }
}
