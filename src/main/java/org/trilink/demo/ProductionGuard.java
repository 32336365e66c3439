package org.trilink.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trilink.demo.DemoAccounts;
import org.trilink.offices.control.StaffDirectory;
import org.trilink.offices.entity.Staff;
import org.trilink.platform.Configured;
import org.trilink.platform.security.CredentialRules;
import org.trilink.platform.security.Passwords;
import org.trilink.platform.security.Role;

/**
 * In production, TriLink refuses to start while any account still has its published demo
 * password, or while it is not set up to be served over HTTPS (without
 * {@code trilink.security.https} the session cookie is not {@code Secure} and no HSTS is sent),
 * and creates the first district admin from a configured password when the database has no
 * staff yet.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

    /** The published secret of the demo partner {@code demo-police}. */
    public static final String DEMO_PARTNER_SECRET = "demo-police-secret";

    @Inject
    Configured configured;

    @jakarta.annotation.Resource(lookup = "jdbc/trilink")
    javax.sql.DataSource dataSource;

    @Inject
    StaffDirectory directory;

    @Inject
    Passwords passwords;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "trilink.bootstrap.admin-password", defaultValue = "")
    Optional<String> bootstrapAdminPassword;

    @Inject
    CredentialRules rules;

    @Inject
    org.trilink.documents.control.OfficeCertificate officeCertificate;

    @Inject
    @ConfigProperty(name = "trilink.security.https", defaultValue = "false")
    boolean https;

    @Inject
    @ConfigProperty(name = "trilink.security.two-factor.key", defaultValue = "")
    Optional<String> twoFactorKey;

    @PostConstruct
    void check() {
        String twoFactor = rules.twoFactorMode();
        if (!twoFactor.equals("required") && !twoFactor.equals("optional")) {
            String message = "TriLink refuses to start: TRILINK_SECURITY_TWO_FACTOR is '" + twoFactor
                    + "', not required or optional.";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        if (!configured.production()) {
            return;
        }
        // 等保三级: privileged users sign in with two kinds of authentication
        refuseIf(!twoFactor.equals("required"), "TRILINK_SECURITY_TWO_FACTOR is 'optional', but administrators"
                + " must use two factors in production");
        refuseUnlessHttps(https);
        refuseWithoutTwoFactorKey(twoFactorKey.orElse(""));
        refuseEmbeddedDatabase(databaseProduct());
        // an electronically signed agreement must carry a certificate from a licensed CA (电子签名法)
        officeCertificate.productionProblem().ifPresent(problem -> refuseIf(true, problem,
                "Set TRILINK_SIGNING_KEYSTORE, _PASSWORD and _ALIAS"));
        String bootstrap = bootstrapAdminPassword.orElse("").strip();
        long staffCount = em.createQuery("select count(s) from Staff s", Long.class).getSingleResult();
        if (staffCount == 0 && !bootstrap.isEmpty()) {
            refuseIf(isDemoPassword(bootstrap), "TRILINK_BOOTSTRAP_ADMIN_PASSWORD is a demo password");
            Staff admin = new Staff("admin", passwords.hash(bootstrap), "District admin", null, EnumSet.of(Role.ADMIN),
                    OffsetDateTime.now());
            admin.changePassword(admin.passwordHash()); // from now on, the password expiry counts
            em.persist(admin);
            LOG.info("Created the first district admin account 'admin'.");
        }
        // the partner exchange's demo secret (partner-exchange-v1) must not guard a real door
        Number demoSecrets = (Number) em.createNativeQuery("select count(*) from partner where secret = ?")
                .setParameter(1, DEMO_PARTNER_SECRET).getSingleResult();
        refuseIf(demoSecrets.longValue() > 0, "a partner still has the demo secret '" + DEMO_PARTNER_SECRET + "'");
        List<String> unsafe = accountsWithDemoPasswords(username -> directory.byUsername(username)
                .filter(Staff::active).map(Staff::passwordHash), passwords::verify);
        refuseIf(!unsafe.isEmpty(), "these accounts still have their demo passwords: " + unsafe);
    }

    /** The demo accounts that exist, are active and still accept their published password. */
    static List<String> accountsWithDemoPasswords(Function<String, Optional<String>> activeHashOf,
                                                   BiPredicate<String, String> verify) {
        return DemoAccounts.ALL.stream()
                .filter(demo -> activeHashOf.apply(demo.username())
                        .map(hash -> verify.test(demo.password(), hash)).orElse(false))
                .map(DemoAccounts.Account::username)
                .toList();
    }

    static boolean isDemoPassword(String password) {
        return DemoAccounts.ALL.stream().anyMatch(a -> a.password().equals(password));
    }

    /**
     * The session cookie is {@code Secure} and answers carry HSTS only with this setting; a
     * production site without it would send the session over plain HTTP.
     */
    static void refuseUnlessHttps(boolean https) {
        refuseIf(!https, "TRILINK_SECURITY_HTTPS (trilink.security.https) is not true, so the session cookie would"
                + " not be Secure and no HSTS would be sent", "Serve TriLink over HTTPS (TLS at nginx, README"
                + " \"TLS\") and set TRILINK_SECURITY_HTTPS=true");
    }

    /**
     * The embedded H2 file is for trying TriLink. After a kill -9 it can lose the last half second
     * of commits and, rarely, keep part of a transaction that was in flight (RestartIT saw a
     * partner file's case stored without its referral key once, so the row made a second case).
     */
    static void refuseEmbeddedDatabase(String product) {
        refuseIf(product.contains("H2"), "the database is the embedded H2 (" + product + "), which can lose"
                + " committed work when the process is killed", "Set TRILINK_DB_URL (and TRILINK_DB_USER,"
                + " TRILINK_DB_PASSWORD) to a PostgreSQL database");
    }

    private String databaseProduct() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("TriLink refuses to start: the database cannot be reached", e);
        }
    }

    /** A database backup alone must not give away the administrators' second factor. */
    static void refuseWithoutTwoFactorKey(String key) {
        refuseIf(key.isBlank(), "TRILINK_SECURITY_TWO_FACTOR_KEY is empty, so the two-factor secrets would be"
                + " stored unencrypted", "Set TRILINK_SECURITY_TWO_FACTOR_KEY to a key of your own"
                + " (openssl rand -base64 32), kept apart from the database backups");
    }

    static void refuseIf(boolean condition, String why) {
        refuseIf(condition, why, "Change the password");
    }

    static void refuseIf(boolean condition, String why, String remedy) {
        if (condition) {
            String message = "TriLink refuses to start in production: " + why
                    + ". " + remedy + " (or set TRILINK_PROFILE=demo for a demonstration).";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }
}
