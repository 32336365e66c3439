package org.trilink.documents.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The office's signing key and certificate chain, read from a PKCS#12 keystore. A district
 * uses a certificate issued by a licensed certification authority (电子认证服务机构, as the
 * Electronic Signature Law requires for a reliable electronic signature); for the demo and
 * the tests, {@link #generateDemo} makes a self-signed one whose subject says so, which the
 * production guard refuses.
 */
public record OfficeKey(PrivateKey privateKey, List<X509Certificate> chain, boolean demo) {

    /** Marks the generated certificate: its organisational unit. Never in a CA-issued certificate of ours. */
    public static final String DEMO_UNIT = "TriLink demo - not for production";

    public OfficeKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Hex SHA-256 of the signing certificate (DER): how a signature is told to be the office's. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return DocumentContent.sha256(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a certificate is one that {@link #generateDemo} made. */
    public static boolean isDemo(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().contains(DEMO_UNIT)
                && certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** Reads the key entry {@code alias} (or the only key entry when blank) of a PKCS#12 file. */
    public static OfficeKey load(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String name = alias;
            if (name == null || name.isBlank()) {
                name = null;
                for (String a : java.util.Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        name = a;
                        break;
                    }
                }
            }
            if (name == null || !ks.isKeyEntry(name)) {
                throw new IllegalStateException("The keystore " + keystore + " has no key entry"
                        + (alias == null || alias.isBlank() ? "" : " named '" + alias + "'") + ".");
            }
            PrivateKey key = (PrivateKey) ks.getKey(name, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(name)) {
                chain.add((X509Certificate) c);
            }
            return new OfficeKey(key, chain, isDemo(chain.get(0)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The signing keystore " + keystore + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a self-signed RSA 3072 certificate for {@code organisation} (ten years) and writes it
     * with its key to {@code keystore} (PKCS#12, alias {@code office}), atomically: a second
     * instance starting at the same moment finds either no file or a whole one.
     */
    public static OfficeKey generateDemo(Path keystore, char[] password, String organisation) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + organisation + ", OU=" + DEMO_UNIT + ", O=TriLink, C=CN");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("office", pair.getPrivate(), password, new Certificate[] {certificate});
            Files.createDirectories(keystore.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(keystore.toAbsolutePath().getParent(), "office-", ".p12.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                ks.store(out, password);
            }
            Files.move(partial, keystore, StandardCopyOption.ATOMIC_MOVE);
            return new OfficeKey(pair.getPrivate(), List.of(certificate), true);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("The demo signing certificate cannot be made at " + keystore + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OfficeKey[" + certificate().getSubjectX500Principal().getName() + ", sha256 "
                + fingerprint().substring(0, 16) + "…]";
    }
}
