package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * The passes of verified parties, in the database (only the token's hash), so that any instance
 * honours a pass another one issued. A pass lasts {@code trilink.door.pass-minutes} from its code.
 */
@ApplicationScoped
public class PartyPasses {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    DoorSettings settings;

    @Transactional(Transactional.TxType.MANDATORY)
    public PartyPass issue(PartyPass.Purpose purpose, String phoneHash, Long caseId, Integer position,
                           String officeCode) {
        String token = DoorKeys.randomToken();
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plusMinutes(settings.passMinutes());
        em.createNativeQuery("insert into party_pass (token_hash, purpose, phone_hash, case_id, party_position,"
                        + " office_code, created_at, expires_at) values (?, ?, ?, cast(? as bigint), cast(? as integer), ?, ?, ?)")
                .setParameter(1, DoorKeys.tokenHash(token)).setParameter(2, purpose.name()).setParameter(3, phoneHash)
                .setParameter(4, caseId).setParameter(5, position).setParameter(6, officeCode).setParameter(7, now)
                .setParameter(8, expires).executeUpdate();
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(100) == 0) {
            em.createNativeQuery("delete from party_pass where expires_at < ?").setParameter(1, now).executeUpdate();
        }
        return new PartyPass(token, purpose, phoneHash, caseId, position, officeCode, expires);
    }

    /** The pass of this token, still valid; else 401 (the same for a token never issued). */
    public PartyPass valid(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw missing();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select purpose, phone_hash, case_id, party_position, office_code,"
                        + " expires_at from party_pass where token_hash = ? and expires_at > ?")
                .setParameter(1, DoorKeys.tokenHash(token.strip())).setParameter(2, now()).getResultList();
        if (rows.isEmpty()) {
            throw missing();
        }
        Object[] r = rows.get(0);
        return new PartyPass(token.strip(), PartyPass.Purpose.valueOf((String) r[0]), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).longValue(), r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4], time(r[5]));
    }

    /** The pass of an application, now for the case it made (the applicant is party {@code position}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PartyPass bind(PartyPass pass, long caseId, int position) {
        em.createNativeQuery("update party_pass set case_id = ?, party_position = ?, purpose = ? where token_hash = ?")
                .setParameter(1, caseId).setParameter(2, position).setParameter(3, PartyPass.Purpose.FOLLOW.name())
                .setParameter(4, DoorKeys.tokenHash(pass.token())).executeUpdate();
        return new PartyPass(pass.token(), PartyPass.Purpose.FOLLOW, pass.phoneHash(), caseId, position,
                pass.officeCode(), pass.expiresAt());
    }

    /** Ends a pass (the party leaves). */
    @Transactional
    public void end(String token) {
        if (token != null && !token.isBlank()) {
            em.createNativeQuery("delete from party_pass where token_hash = ?")
                    .setParameter(1, DoorKeys.tokenHash(token.strip())).executeUpdate();
        }
    }

    static ProblemException missing() {
        return new ProblemException(new Problem("urn:trilink:problem:party-pass-required", "Unauthorized", 401,
                "Prove your phone with a code first (POST /api/v1/public/codes), or the pass has expired.", null,
                null, null));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("a time of type " + value.getClass().getName());
    }
}
