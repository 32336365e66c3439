package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.problem.ProblemException;

/** The partners, managed by admins: create, change, disable, rotate a secret. */
@ApplicationScoped
public class PartnerRegistry {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fired after a partner changed, so that its file inbox route follows. */
    public record PartnerChanged(String code) {
    }

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    OfficeCatalog offices;

    @Inject
    Event<PartnerChanged> changed;

    Clock clock = Clock.systemUTC();

    public Optional<Partner> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Partner.class, code));
    }

    public Partner get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("No partner " + code + "."));
    }

    public List<Partner> all() {
        return em.createQuery("select p from Partner p order by p.code", Partner.class).getResultList();
    }

    /** Creates a partner with a fresh random secret, which the caller shows once. */
    @Transactional
    public Partner create(String code, String name, String defaultOffice, String callbackUrl, String inboxFolder) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.badRequest("code", "must match [a-z0-9-]{2,40}");
        }
        checkOffice(defaultOffice);
        if (em.find(Partner.class, code) != null) {
            throw ProblemException.conflict("A partner " + code + " exists already.");
        }
        Partner p = new Partner(code, name, newSecret(), defaultOffice, blankToNull(callbackUrl),
                blankToNull(inboxFolder), OffsetDateTime.now(clock));
        em.persist(p);
        changed.fire(new PartnerChanged(code));
        return p;
    }

    /** The demo partner of the embedded configuration; never called in production. */
    @Transactional
    public void ensureDemoPartner(String code, String secret, String office, String callbackUrl) {
        if (em.find(Partner.class, code) == null) {
            em.persist(new Partner(code, "Demo police station (110)", secret, office, blankToNull(callbackUrl), null,
                    OffsetDateTime.now(clock)));
        }
    }

    @Transactional
    public Partner change(String code, String name, String defaultOffice, String callbackUrl, String inboxFolder) {
        Partner p = get(code);
        checkOffice(defaultOffice);
        p.change(name, defaultOffice, blankToNull(callbackUrl), blankToNull(inboxFolder));
        changed.fire(new PartnerChanged(code));
        return p;
    }

    @Transactional
    public Partner enable(String code, boolean on) {
        Partner p = get(code);
        p.enable(on);
        changed.fire(new PartnerChanged(code));
        return p;
    }

    /** A new secret takes effect at once; the old one stops working. */
    @Transactional
    public Partner rotateSecret(String code) {
        Partner p = get(code);
        p.rotateSecret(newSecret(), OffsetDateTime.now(clock));
        return p;
    }

    private void checkOffice(String code) {
        if (code == null || offices.office(code).filter(o -> o.active()).isEmpty()) {
            throw ProblemException.badRequest("defaultOffice", "unknown or inactive office");
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
