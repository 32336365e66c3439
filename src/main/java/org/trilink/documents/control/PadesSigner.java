package org.trilink.documents.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B (ETSI EN 319 142-1, B-B level): an incremental update adds a
 * signature dictionary with SubFilter {@code ETSI.CAdES.detached} whose ByteRange covers the
 * whole file but the signature itself; the CMS is detached, SHA-256 with RSA, carries the
 * certificate chain and the signing-certificate-v2 attribute (RFC 5035), and no signing-time
 * attribute (PAdES puts the claimed time in the dictionary's M entry instead).
 */
public final class PadesSigner {

    private PadesSigner() {
    }

    public static byte[] sign(byte[] pdf, OfficeKey key, String name, String location, String reason,
                              Calendar when) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setLocation(location);
            signature.setReason(reason);
            signature.setSignDate(when);
            // room for a chain of a few certificates of a licensed CA
            options.setPreferredSignatureSize(32 * 1024);
            doc.addSignature(signature, content -> cms(content, key), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 80 * 1024);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be signed: " + e.getMessage(), e);
        }
    }

    /** The detached CMS SignedData over {@code content} (the file's bytes outside /Contents). */
    static byte[] cms(InputStream content, OfficeKey key) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()),
                    new IssuerSerial(new GeneralNames(new GeneralName(
                            X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                            new BigInteger(1, certificate.getSerialNumber().toByteArray())));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            DefaultSignedAttributeTableGenerator defaults =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            CMSAttributeTableGenerator signedAttributes = parameters -> {
                AttributeTable table = defaults.getAttributes(parameters);
                return table.remove(CMSAttributes.signingTime);
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            return signed.getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("The CMS signature could not be made: " + e.getMessage(), e);
        }
    }
}
