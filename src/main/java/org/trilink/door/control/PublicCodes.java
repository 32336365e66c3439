package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Party;
import org.trilink.notifications.control.NotificationChannels;
import org.trilink.notifications.control.Templates;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.SecurityAudit;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * One-time codes by SMS (issue 24): six digits, stored as an HMAC, valid for five minutes and five
 * tries, sent at once through the SMS gateway (not the retrying outbox). Each request takes one of
 * the day's codes of the phone, the client address and the office (429 past any of them).
 *
 * <p>No existence oracle: asking to follow a case with a number that does not exist or a phone that
 * is not a party's gets the very same answer as a match (a challenge, 202), counts against the same
 * limits, and its challenge answers wrong codes alike; only no SMS goes out and nothing verifies it.
 * For a match the SMS goes out beside the answer (a managed executor), so that the answer's time
 * does not wait for the gateway either.
 */
@ApplicationScoped
public class PublicCodes {

    private static final Logger LOG = Logger.getLogger(PublicCodes.class.getName());

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    DoorKeys keys;

    @Inject
    DoorSettings settings;

    @Inject
    DailyLimits limits;

    @Inject
    PartyPasses passes;

    @Inject
    OfficeCatalog offices;

    @Inject
    NotificationChannels channels;

    @Inject
    SecurityAudit audit;

    @Inject
    Configured configured;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    /** A code asked for: purpose, phone, the office (APPLY) or the case number (FOLLOW), consent. */
    public record CodeRequest(PartyPass.Purpose purpose, String phone, String officeCode, String caseNumber,
                              boolean consent, String noticeVersion, String locale) {
    }

    /** What the client holds to verify: the challenge and how long the code lasts. */
    public record Challenge(String challenge, int expiresInSeconds) {
    }

    @Transactional
    public Challenge request(CodeRequest r, String address) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.purpose() == null) {
            errors.add(new Problem.FieldError("purpose", "APPLY, FOLLOW or SIGN"));
        }
        if (r.phone() == null || !IdentityNumbers.isMobile(r.phone().strip())) {
            errors.add(new Problem.FieldError("phone", "a mobile number: 11 digits starting with 1"));
        }
        if (!r.consent() || !DoorSettings.NOTICE_VERSION.equals(r.noticeVersion())) {
            errors.add(new Problem.FieldError("consent", "agree to the privacy notice of version "
                    + DoorSettings.NOTICE_VERSION + " first (GET /api/v1/public/privacy-notice)"));
        }
        Office office = null;
        if (r.purpose() == PartyPass.Purpose.APPLY) {
            office = r.officeCode() == null ? null : offices.office(r.officeCode().strip()).filter(Office::active)
                    .orElse(null);
            if (office == null) {
                errors.add(new Problem.FieldError("officeCode", "unknown or inactive office"));
            }
        } else if (r.purpose() != null && r.purpose().forCase()
                && (r.caseNumber() == null || r.caseNumber().isBlank() || r.caseNumber().length() > 40)) {
            errors.add(new Problem.FieldError("caseNumber", "the case number, e.g. TL2026-000123"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The request has invalid fields.")
                    .withErrors(errors));
        }
        String phone = r.phone().strip();
        String phoneHash = keys.phoneHash(phone);
        Long caseId = null;
        Integer position = null;
        String officeCode = office == null ? null : office.code();
        String caseNumber = null;
        if (r.purpose().forCase()) {
            Optional<DisputeCase> found = em.createQuery("select c from DisputeCase c where c.caseNumber = :n",
                    DisputeCase.class).setParameter("n", r.caseNumber().strip()).getResultStream().findFirst();
            if (found.isPresent()) {
                List<Party> parties = found.get().parties();
                for (int i = 0; i < parties.size(); i++) {
                    if (phone.equals(parties.get(i).phone())) {
                        caseId = found.get().id();
                        position = i + 1;
                        officeCode = found.get().handlingOfficeCode();
                        caseNumber = found.get().caseNumber();
                        break;
                    }
                }
            }
        }
        ZonedDateTime now = ZonedDateTime.now(configured.zone());
        LocalDate day = now.toLocalDate();
        long toMidnight = Math.max(1, Duration.between(now, day.plusDays(1).atStartOfDay(configured.zone())).toSeconds());
        Map<String, Integer> maxima = new LinkedHashMap<>();
        maxima.put("phone:" + phoneHash, settings.codesPerPhone());
        maxima.put("address:" + address, settings.codesPerAddress());
        if (officeCode != null) {
            maxima.put("office:" + officeCode, settings.codesPerOffice());
        }
        try {
            limits.take(day, maxima, toMidnight);
        } catch (LimitReached refused) {
            audit.recordQuietly(audit, SecurityAudit.Kind.PUBLIC_LIMIT_REACHED, "party", address,
                    r.purpose() + ", " + refused.problem().extensions().get("limit"));
            throw refused;
        }
        OffsetDateTime at = PartyPasses.now();
        long consentId = nextId();
        em.createNativeQuery("insert into privacy_consent (id, given_at, notice_version, purpose, phone_hash, address,"
                        + " case_id) values (?, ?, ?, ?, ?, ?, cast(? as bigint))")
                .setParameter(1, consentId).setParameter(2, at).setParameter(3, r.noticeVersion())
                .setParameter(4, r.purpose().name()).setParameter(5, phoneHash).setParameter(6, address)
                .setParameter(7, caseId).executeUpdate();
        String challenge = DoorKeys.randomToken();
        boolean send = r.purpose() == PartyPass.Purpose.APPLY || caseId != null;
        String code = send ? DoorKeys.randomCode() : null;
        em.createNativeQuery("insert into public_code (id, purpose, phone_hash, case_id, party_position, office_code,"
                        + " code_hash, created_at, expires_at, tries, consent_id) values (?, ?, ?, cast(? as bigint),"
                        + " cast(? as integer), ?, ?, ?, ?, 0, ?)")
                .setParameter(1, challenge).setParameter(2, r.purpose().name()).setParameter(3, phoneHash)
                .setParameter(4, caseId).setParameter(5, position).setParameter(6, officeCode)
                .setParameter(7, code == null ? null : keys.codeHash(challenge, code)).setParameter(8, at)
                .setParameter(9, at.plusMinutes(settings.codeMinutes())).setParameter(10, consentId).executeUpdate();
        String outcome = "no match, nothing sent";
        if (send && r.purpose().forCase()) {
            // sent beside the answer, so that its time (the gateway's round trip) does not tell a
            // match from none; a failure is logged (never the number) and the party asks again
            String text = Templates.render(r.locale(), r.purpose() == PartyPass.Purpose.SIGN ? "door.sign.sms"
                    : "door.code.sms", code, settings.codeMinutes());
            String id = "code-" + challenge.substring(0, 16);
            executor.execute(() -> {
                NotificationChannels.Result sent = channels.sendSmsNow(id, phone, text);
                if (sent.status() == null || sent.status() < 200 || sent.status() >= 300) {
                    LOG.warning("A one-time code could not be sent: " + sent.error());
                }
            });
            outcome = "sending";
        } else if (send) {
            NotificationChannels.Result sent = channels.sendSmsNow("code-" + challenge.substring(0, 16), phone,
                    Templates.render(r.locale(), "door.code.sms", code, settings.codeMinutes()));
            boolean ok = sent.status() != null && sent.status() >= 200 && sent.status() < 300;
            outcome = ok ? "sent" : "not sent: " + sent.error();
            if (!ok) {
                LOG.warning("A one-time code could not be sent: " + sent.error());
                // applying reveals nothing about anyone: say so
                throw new ProblemException(Problem.of(503, "Service Unavailable",
                        "The code could not be sent just now. Please try again in a minute."));
            }
        }
        audit.record(SecurityAudit.Kind.PUBLIC_CODE_SENT, "party", caseNumber, address,
                r.purpose() + (officeCode != null && r.purpose() == PartyPass.Purpose.APPLY ? " to " + officeCode : "")
                        + ", " + outcome + ", consent " + consentId);
        return new Challenge(challenge, settings.codeMinutes() * 60);
    }

    /**
     * Checks a code: right, the party's pass (the code is used up); wrong, 400 with the tries left;
     * expired, used up or unknown, 410. The tries count even though the answer is an error.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public PartyPass verify(String challenge, String code, String address) {
        if (challenge == null || challenge.length() > 64) {
            throw gone();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select purpose, phone_hash, case_id, party_position, office_code,"
                + " code_hash, expires_at, tries, verified_at from public_code where id = ? for update")
                .setParameter(1, challenge).getResultList();
        if (rows.isEmpty()) {
            throw gone();
        }
        Object[] r = rows.get(0);
        int tries = ((Number) r[7]).intValue();
        if (r[8] != null || PartyPasses.time(r[6]).isBefore(PartyPasses.now()) || tries >= settings.codeTries()) {
            throw gone();
        }
        String codeHash = (String) r[5];
        Long caseId = r[2] == null ? null : ((Number) r[2]).longValue();
        String caseNumber = caseId == null ? null : em.find(DisputeCase.class, caseId).caseNumber();
        boolean right = code != null && code.strip().matches("\\d{6}")
                && DoorKeys.same(keys.codeHash(challenge, code.strip()), codeHash);
        if (!right) {
            em.createNativeQuery("update public_code set tries = tries + 1 where id = ?").setParameter(1, challenge)
                    .executeUpdate();
            int left = settings.codeTries() - tries - 1;
            audit.record(SecurityAudit.Kind.PUBLIC_CODE_FAILED, "party", caseNumber, address, r[0] + ", "
                    + left + " tries left");
            if (left <= 0) {
                throw gone();
            }
            throw new ProblemException(new Problem("urn:trilink:problem:code-wrong", "Bad Request", 400,
                    "The code is not right.", null, List.of(new Problem.FieldError("code", "not right")),
                    Map.of("triesLeft", left)));
        }
        em.createNativeQuery("update public_code set tries = tries + 1, verified_at = ? where id = ?")
                .setParameter(1, PartyPasses.now()).setParameter(2, challenge).executeUpdate();
        audit.record(SecurityAudit.Kind.PUBLIC_CODE_VERIFIED, "party", caseNumber, address, String.valueOf(r[0]));
        return passes.issue(PartyPass.Purpose.valueOf((String) r[0]), (String) r[1], caseId,
                r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4]);
    }

    private long nextId() {
        return ((Number) em.createNativeQuery("select nextval('door_seq')").getSingleResult()).longValue();
    }

    static ProblemException gone() {
        return new ProblemException(new Problem("urn:trilink:problem:code-expired", "Gone", 410,
                "The code has expired or was tried too often. Ask for a new one.", null, null, null));
    }
}
