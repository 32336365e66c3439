package org.trilink.documents.control;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Reads every signature of a PDF and checks it: the CMS signature over the bytes its ByteRange
 * names (BouncyCastle), whether that range is the whole file (nothing appended since), and the
 * signing-certificate-v2 attribute against the certificate that signed. Trust in the signer's
 * certificate is the caller's question: {@link Report#certificateSha256()} tells the office's
 * own certificate apart.
 */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    /** One signature as found in the file. */
    public record Report(String signer, String subject, String issuer, String certificateSha256,
                         OffsetDateTime signedAt, String subFilter, String reason, String location,
                         boolean intact, boolean coversWholeFile, boolean signingCertificateBound,
                         String problem) {
        /** The signature holds and nothing was changed or added after it. */
        public boolean unchangedSince() {
            return intact && coversWholeFile;
        }
    }

    /** Thrown when the bytes are no PDF this checker can read. */
    public static final class NotAPdf extends Exception {
        NotAPdf(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static List<Report> check(byte[] pdf) throws NotAPdf {
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new NotAPdf("the file does not start with %PDF-", null);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Report> reports = new ArrayList<>();
            for (PDSignature signature : doc.getSignatureDictionaries()) {
                reports.add(check(pdf, signature));
            }
            return reports;
        } catch (IOException e) {
            throw new NotAPdf("the PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static Report check(byte[] pdf, PDSignature signature) {
        int[] range = signature.getByteRange();
        boolean whole = range != null && range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                && range[3] >= 0 && (long) range[2] + range[3] == pdf.length;
        OffsetDateTime at = signature.getSignDate() == null ? null
                : signature.getSignDate().toInstant().atOffset(ZoneOffset.UTC);
        String subFilter = signature.getSubFilter();
        try {
            if (range == null || range.length != 4 || (long) range[2] + range[3] > pdf.length) {
                return new Report(null, null, null, null, at, subFilter, signature.getReason(), signature.getLocation(),
                        false, false, false, "the signature's byte range lies outside the file");
            }
            byte[] signedContent = signature.getSignedContent(pdf);
            byte[] contents = signature.getContents();
            // /Contents is padded with zeros after the DER object: read the one object, ignore the padding
            org.bouncycastle.asn1.cms.ContentInfo info;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
                info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), info);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            boolean intact;
            String problem = null;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (Exception e) {
                intact = false;
                problem = "the signature does not match the signed bytes: the file was changed after signing";
            }
            boolean bound = signingCertificateMatches(signer, certificate);
            if (!whole && problem == null) {
                problem = "the file has bytes after the signed part: it was changed or added to after signing";
            }
            return new Report(commonName(certificate), certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(), OfficeKey.fingerprint(certificate), at, subFilter,
                    signature.getReason(), signature.getLocation(), intact, whole, bound, problem);
        } catch (Exception e) {
            return new Report(null, null, null, null, at, subFilter, signature.getReason(), signature.getLocation(),
                    false, whole, false, "the signature cannot be read: " + e.getMessage());
        }
    }

    private static boolean signingCertificateMatches(SignerInformation signer, X509Certificate certificate)
            throws Exception {
        if (signer.getSignedAttributes() == null) {
            return false;
        }
        Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        SigningCertificateV2 v2 = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
        ESSCertIDv2 id = v2.getCerts()[0];
        String oid = id.getHashAlgorithm().getAlgorithm().getId();
        String algorithm = oid.equals("2.16.840.1.101.3.4.2.1") ? "SHA-256"
                : oid.equals("2.16.840.1.101.3.4.2.3") ? "SHA-512" : oid;
        byte[] hash = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        return Arrays.equals(hash, id.getCertHash());
    }

    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (Exception e) {
            // fall through to the whole name
        }
        return certificate.getSubjectX500Principal().getName();
    }
}
