package org.trilink.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's signing certificate and the committee seal picture, from MicroProfile Config:
 * {@code trilink.signing.keystore} (a PKCS#12 file), {@code .password}, {@code .alias}. Unset, a
 * self-signed demo certificate is made at first use under {@code trilink.signing.demo-keystore}
 * (in the data directory, beside the embedded database), so that the demo signs with no
 * settings; the production guard refuses it.
 */
@ApplicationScoped
public class OfficeCertificate {

    private static final Logger LOG = Logger.getLogger(OfficeCertificate.class.getName());

    /** The demo keystore's password: published, like the demo logins, and refused in production. */
    static final String DEMO_PASSWORD = "trilink-demo-signing";

    @Inject
    @ConfigProperty(name = "trilink.signing.keystore", defaultValue = "")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "trilink.signing.password", defaultValue = "")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "trilink.signing.alias", defaultValue = "")
    Optional<String> alias;

    @Inject
    @ConfigProperty(name = "trilink.signing.demo-keystore", defaultValue = "./data/signing/demo-office.p12")
    String demoKeystore;

    @Inject
    @ConfigProperty(name = "trilink.signing.demo-organisation", defaultValue = "TriLink 演示签章（非正式）")
    String demoOrganisation;

    @Inject
    @ConfigProperty(name = "trilink.signing.seal-image", defaultValue = "")
    Optional<String> sealImage;

    private volatile OfficeKey key;

    /** The signing key: the configured keystore, or the demo one (made now if there is none yet). */
    public OfficeKey key() {
        OfficeKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    /** The seal picture (PNG) for {@code committee}: the configured file, else drawn with its name. */
    public byte[] seal(String committee) {
        String path = sealImage.orElse("").strip();
        if (!path.isEmpty()) {
            try {
                return Files.readAllBytes(Path.of(path));
            } catch (IOException e) {
                throw new UncheckedIOException("The seal picture " + path + " cannot be read", e);
            }
        }
        return SealImage.draw(committee);
    }

    /** Why this deployment may not sign in production; empty when a real certificate is configured. */
    public Optional<String> productionProblem() {
        String file = keystore.orElse("").strip();
        if (file.isEmpty()) {
            return Optional.of("TRILINK_SIGNING_KEYSTORE is not set, so agreements would be signed with the generated"
                    + " demo certificate; configure the keystore of a certificate from a licensed CA");
        }
        try {
            OfficeKey k = OfficeKey.load(Path.of(file), password.orElse("").toCharArray(), alias.orElse(""));
            if (k.demo()) {
                return Optional.of("TRILINK_SIGNING_KEYSTORE holds TriLink's generated demo certificate; configure"
                        + " the keystore of a certificate from a licensed CA");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private OfficeKey load() {
        String file = keystore.orElse("").strip();
        if (!file.isEmpty()) {
            return OfficeKey.load(Path.of(file), password.orElse("").toCharArray(), alias.orElse(""));
        }
        Path demo = Path.of(demoKeystore);
        if (Files.exists(demo)) {
            return OfficeKey.load(demo, DEMO_PASSWORD.toCharArray(), "office");
        }
        LOG.info("No signing keystore configured: making a self-signed demo certificate at " + demo.toAbsolutePath());
        return OfficeKey.generateDemo(demo, DEMO_PASSWORD.toCharArray(), demoOrganisation);
    }
}
