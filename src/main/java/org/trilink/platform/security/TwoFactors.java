package org.trilink.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.platform.problem.ProblemException;

/**
 * Second factors (TOTP, RFC 6238) of accounts: enrolment (a secret, confirmed by a first code),
 * the check at sign-in (a code taken once; or one of ten recovery codes, each once), the
 * person's own disabling and the admin's reset. Kept per account name in tables of their own
 * (V28); secrets encrypted with AES-GCM when {@code trilink.security.two-factor.key} is set.
 * Neither secrets nor codes are ever logged.
 */
@ApplicationScoped
public class TwoFactors {

    /** The outcome of a second factor given at sign-in. */
    public enum Check {
        TOTP, RECOVERY_CODE, REFUSED
    }

    /** A started enrolment: the secret for the authenticator app, as text and as the QR code's URI. */
    public record Enrolment(String secret, String uri) {
    }

    static final String ISSUER = "TriLink";

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    SecurityAudit audit;

    /**
     * Base64 of a 16- or 32-byte AES key; empty: secrets are stored as they are (demo; production
     * refuses). Optional, because MicroProfile Config reads an empty default as no value at all.
     */
    @Inject
    @ConfigProperty(name = "trilink.security.two-factor.key")
    Optional<String> keySetting;

    /** Seconds since the epoch; tests move it. */
    LongSupplier clock = () -> System.currentTimeMillis() / 1000;

    /** Whether the account has confirmed two factors. */
    public boolean enrolled(String username) {
        Number n = (Number) em.createNativeQuery("select count(*) from two_factor where username = ?"
                + " and confirmed_at is not null").setParameter(1, username).getSingleResult();
        return n.longValue() > 0;
    }

    /** Recovery codes not spent yet. */
    public long recoveryCodesLeft(String username) {
        Number n = (Number) em.createNativeQuery("select count(*) from two_factor_recovery where username = ?"
                + " and used_at is null").setParameter(1, username).getSingleResult();
        return n.longValue();
    }

    /** A new secret for an account that has no confirmed one; an earlier unconfirmed start is replaced. */
    @Transactional
    public Enrolment start(String username) {
        if (enrolled(username)) {
            throw ProblemException.conflict("Two factors are enrolled already; disable them first to enrol anew.");
        }
        em.createNativeQuery("delete from two_factor where username = ?").setParameter(1, username).executeUpdate();
        String secret = Totp.base32(Totp.newSecret());
        em.createNativeQuery("insert into two_factor (username, secret, created_at, last_step) values (?, ?, ?, 0)")
                .setParameter(1, username).setParameter(2, seal(secret)).setParameter(3, now()).executeUpdate();
        return new Enrolment(secret, Totp.uri(ISSUER, username, secret));
    }

    /** The first code confirms the enrolment; the answer is the ten recovery codes, shown this once. */
    @Transactional
    public List<String> confirm(String username, String code) {
        Object[] row = row(username).orElseThrow(() -> ProblemException.conflict(
                "No enrolment was started: POST /api/v1/me/two-factor first."));
        if (row[2] != null) {
            throw ProblemException.conflict("Two factors are enrolled already.");
        }
        OptionalLong step = Totp.matchingStep(Totp.fromBase32(open((String) row[0])), code,
                Totp.step(clock.getAsLong()), 0);
        if (step.isEmpty()) {
            throw ProblemException.badRequest("code", "is not the current code of the authenticator app");
        }
        em.createNativeQuery("update two_factor set confirmed_at = ?, last_step = ? where username = ?")
                .setParameter(1, now()).setParameter(2, step.getAsLong()).setParameter(3, username).executeUpdate();
        em.createNativeQuery("delete from two_factor_recovery where username = ?").setParameter(1, username)
                .executeUpdate();
        List<String> codes = RecoveryCodes.generate();
        for (String c : codes) {
            em.createNativeQuery("insert into two_factor_recovery (username, code_hash) values (?, ?)")
                    .setParameter(1, username).setParameter(2, RecoveryCodes.digest(username, c)).executeUpdate();
        }
        audit.record(SecurityAudit.Kind.TWO_FACTOR_ENROLLED, username, username, null, null);
        return codes;
    }

    /**
     * A second factor at sign-in: a code of the authenticator app for a step later than the last
     * one taken (so each code works once), or an unspent recovery code. The update that takes it
     * decides, so two instances never both accept one code.
     */
    @Transactional
    public Check check(String username, String given) {
        if (given == null || given.isBlank()) {
            return Check.REFUSED;
        }
        Optional<Object[]> row = row(username).filter(r -> r[2] != null);
        if (row.isEmpty()) {
            return Check.REFUSED;
        }
        long last = ((Number) row.get()[1]).longValue();
        OptionalLong step = Totp.matchingStep(Totp.fromBase32(open((String) row.get()[0])), given,
                Totp.step(clock.getAsLong()), last);
        if (step.isPresent()) {
            int taken = em.createNativeQuery("update two_factor set last_step = ? where username = ? and last_step < ?")
                    .setParameter(1, step.getAsLong()).setParameter(2, username).setParameter(3, step.getAsLong())
                    .executeUpdate();
            return taken == 1 ? Check.TOTP : Check.REFUSED;
        }
        if (RecoveryCodes.shaped(given)) {
            int spent = em.createNativeQuery("update two_factor_recovery set used_at = ? where username = ?"
                            + " and code_hash = ? and used_at is null")
                    .setParameter(1, now()).setParameter(2, username)
                    .setParameter(3, RecoveryCodes.digest(username, given)).executeUpdate();
            return spent == 1 ? Check.RECOVERY_CODE : Check.REFUSED;
        }
        return Check.REFUSED;
    }

    /** The person turns two factors off, proving it with a code (or a recovery code). */
    @Transactional
    public void disable(String username, String code) {
        if (!enrolled(username)) {
            throw ProblemException.conflict("Two factors are not enrolled.");
        }
        if (check(username, code) == Check.REFUSED) {
            audit.recordQuietly(audit, SecurityAudit.Kind.TWO_FACTOR_FAILED, username, null, "disabling");
            throw ProblemException.badRequest("code", "is not a current code of the authenticator app nor an unspent"
                    + " recovery code");
        }
        delete(username);
        audit.record(SecurityAudit.Kind.TWO_FACTOR_DISABLED, username, username, null, null);
    }

    /** Disabling in a request whose sign-in has just checked a code of this account. */
    @Transactional
    public void disableVerified(String username) {
        if (!enrolled(username)) {
            throw ProblemException.conflict("Two factors are not enrolled.");
        }
        delete(username);
        audit.record(SecurityAudit.Kind.TWO_FACTOR_DISABLED, username, username, null, null);
    }

    /** The admin's reset for a lost phone: the account enrols anew (when it must) at its next sign-in. */
    @Transactional
    public boolean reset(String actor, String username) {
        boolean had = row(username).isPresent();
        delete(username);
        audit.record(SecurityAudit.Kind.TWO_FACTOR_RESET, actor, username, null, had ? null : "none enrolled");
        return had;
    }

    private void delete(String username) {
        em.createNativeQuery("delete from two_factor_recovery where username = ?").setParameter(1, username)
                .executeUpdate();
        em.createNativeQuery("delete from two_factor where username = ?").setParameter(1, username).executeUpdate();
    }

    /** secret, last_step, confirmed_at. */
    private Optional<Object[]> row(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select secret, last_step, confirmed_at from two_factor"
                + " where username = ?").setParameter(1, username).getResultList();
        return rows.stream().findFirst();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The secret as stored: {@code gcm:} and base64 of IV and cipher text with a key, else {@code plain:}. */
    String seal(String secret) {
        if (keySetting.orElse("").isBlank()) {
            return "plain:" + secret;
        }
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return "gcm:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The two-factor key cannot encrypt: " + e.getClass().getSimpleName());
        }
    }

    String open(String stored) {
        if (stored.startsWith("plain:")) {
            return stored.substring(6);
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(4));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("A two-factor secret cannot be decrypted with the configured key: "
                    + e.getClass().getSimpleName());
        }
    }

    private SecretKeySpec aesKey() {
        return new SecretKeySpec(Base64.getDecoder().decode(keySetting.orElseThrow().strip()), "AES");
    }
}
