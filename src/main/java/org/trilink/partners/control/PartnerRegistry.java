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

    @Inject
    org.trilink.platform.security.SecurityAudit audit;

    @Inject
    org.trilink.platform.security.CurrentUser user;

    /**
     * Where partners' file drops may lie (the admin names the folder, the server creates and
     * watches it): nothing the admin types may reach outside. Default: the temporary folder of
     * the embedded demo; production: the shared volume (docker/compose.yaml /opt/trilink/inbox).
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "trilink.partners.inbox-base")
    Optional<String> inboxBase;

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
        checkInbox(inboxFolder);
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
        checkInbox(inboxFolder);
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
        audit.record(org.trilink.platform.security.SecurityAudit.Kind.PARTNER_SECRET_ROTATED, user.username(), code,
                null, null);
        return p;
    }

    /**
     * A local inbox must be an absolute folder under the configured base, named without "..",
     * and, where it exists already, not lead out of the base by a link; 400 otherwise, before
     * anything is stored or created. An SFTP inbox lies on the partner's server.
     */
    void checkInbox(String inbox) {
        if (inbox == null || inbox.isBlank() || inbox.startsWith("sftp://")) {
            return;
        }
        java.nio.file.Path base = java.nio.file.Path.of(inboxBase.filter(b -> !b.isBlank())
                .orElse(System.getProperty("java.io.tmpdir"))).toAbsolutePath().normalize();
        String outside = "must be a folder under " + base;
        java.nio.file.Path folder;
        try {
            folder = java.nio.file.Path.of(inbox.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw ProblemException.badRequest("inboxFolder", outside);
        }
        boolean climbs = false;
        for (java.nio.file.Path part : folder) {
            climbs |= part.toString().equals("..");
        }
        if (!folder.isAbsolute() || climbs || !folder.normalize().startsWith(base) || folder.normalize().equals(base)) {
            throw ProblemException.badRequest("inboxFolder", outside);
        }
        try {
            java.nio.file.Path realBase = base.toRealPath();
            for (java.nio.file.Path f = folder.normalize(); f != null && f.startsWith(base); f = f.getParent()) {
                if (java.nio.file.Files.exists(f) && !f.toRealPath().startsWith(realBase)) {
                    throw ProblemException.badRequest("inboxFolder", outside + " (it leads elsewhere by a link)");
                }
            }
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("inboxFolder", outside);
        }
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
