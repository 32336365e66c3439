package org.trilink.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trilink.documents.control.DocumentComposer;
import org.trilink.documents.control.DocumentContent;
import org.trilink.documents.control.DocumentRenderer;
import org.trilink.documents.control.OfficeKey;
import org.trilink.documents.control.PadesSigner;
import org.trilink.documents.control.SealImage;
import org.trilink.documents.control.SignatureCheck;
import org.trilink.documents.control.SignatureStamper;

/**
 * The signing engine without a server: an agreement composed and rendered as for the parties,
 * their handwritten marks and the seal stamped on, signed PAdES B-B with a generated demo
 * certificate, and checked back (and a changed copy caught).
 */
class AgreementSigningTest {

    @TempDir
    Path dir;

    @Test
    void aStampedAndSignedAgreementVerifiesAndAChangedCopyDoesNot() throws Exception {
        DocumentContent content = new DocumentComposer().agreement(
                DocumentComposerTest.snapshot(DocumentComposerTest.concluded("被申请人赔偿修复费用。")), 3);
        byte[] shown = new DocumentRenderer().render(content, "案号 TL2026-000777　核验码 "
                + content.contentHash().substring(0, 12));
        assertThat(SignatureStamper.partyLines(shown)).isEqualTo(2);

        OfficeKey key = OfficeKey.generateDemo(dir.resolve("office.p12"), "pw".toCharArray(), "赵巷镇人民调解委员会");
        assertThat(OfficeKey.isDemo(key.certificate())).isTrue();
        OfficeKey reread = OfficeKey.load(dir.resolve("office.p12"), "pw".toCharArray(), "");
        assertThat(reread.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(reread.demo()).isTrue();

        byte[] stamped = SignatureStamper.stamp(shown,
                List.of(new SignatureStamper.Mark(signature("Zhang"), "电子签名 2010-03-02 10:15"),
                        new SignatureStamper.Mark(signature("Li"), "电子签名 2010-03-02 10:20")),
                SealImage.draw("赵巷镇人民调解委员会"), "电子签署版 核验码 0123456789ab");
        assertThatThrownBy(() -> SignatureStamper.stamp(shown, List.of(), null, null))
                .hasMessageContaining("2 party signature lines");
        Calendar when = Calendar.getInstance();
        byte[] signed = PadesSigner.sign(stamped, key, "赵巷镇人民调解委员会", "上海市青浦区", "人民调解协议书各方当事人已签署", when);

        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = sig.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).isEqualTo(signed.length);
            String text = DocumentComposerTest.flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains("电子签名2010-03-0210:15", "电子签署版", "张三");
            File out = new File("target/documents/agreement-signed-last.png");
            out.getParentFile().mkdirs();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 80), "png", out);
        }
        List<SignatureCheck.Report> reports = SignatureCheck.check(signed);
        assertThat(reports).hasSize(1);
        SignatureCheck.Report r = reports.get(0);
        assertThat(r.intact()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.coversWholeFile()).isTrue();
        assertThat(r.unchangedSince()).isTrue();
        assertThat(r.signingCertificateBound()).isTrue();
        assertThat(r.signer()).isEqualTo("赵巷镇人民调解委员会");
        assertThat(r.certificateSha256()).isEqualTo(key.fingerprint());
        assertThat(r.problem()).isNull();

        // one byte changed inside the signed part
        byte[] tampered = tamper(signed);
        SignatureCheck.Report changed = SignatureCheck.check(tampered).get(0);
        assertThat(changed.intact()).isFalse();
        assertThat(changed.unchangedSince()).isFalse();
        assertThat(changed.problem()).contains("changed");

        // something appended after the signature
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 20);
        System.arraycopy("\n% added later\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), 0, appended, signed.length, 20);
        SignatureCheck.Report added = SignatureCheck.check(appended).get(0);
        assertThat(added.intact()).isTrue();
        assertThat(added.coversWholeFile()).isFalse();
        assertThat(added.unchangedSince()).isFalse();

        assertThat(SignatureCheck.check(shown)).isEmpty();
        assertThatThrownBy(() -> SignatureCheck.check("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SignatureCheck.NotAPdf.class);
        Files.write(dir.resolve("signed.pdf"), signed);
    }

    /** A party whose name wraps the label over two lines is still found, once, in order. */
    @Test
    void aLabelWrappedOverTwoLinesIsFound() {
        var c = DocumentComposerTest.concluded("被申请人赔偿修复费用。");
        c.addParty(new org.trilink.cases.entity.Party(org.trilink.cases.entity.PartyRole.RESPONDENT,
                org.trilink.cases.entity.PartyKind.ORGANISATION, "上海青浦赵巷镇某某物业管理服务有限责任公司第二分公司", null,
                "91310118MA1JL0XXXX", "13700137000", "青浦区赵巷镇"));
        DocumentContent content = new DocumentComposer().agreement(DocumentComposerTest.snapshot(c), 4);
        byte[] shown = new DocumentRenderer().render(content, "案号 TL2026-000777");
        assertThat(SignatureStamper.partyLines(shown)).isEqualTo(3);
    }

    /** The file with one bit flipped inside a stream's data in its first third (the signed part). */
    static byte[] tamper(byte[] pdf) {
        byte[] copy = pdf.clone();
        byte[] marker = "stream".getBytes(StandardCharsets.ISO_8859_1);
        int from = pdf.length / 3;
        int at = indexOf(java.util.Arrays.copyOfRange(copy, from, copy.length), marker);
        assertThat(at).isNotNegative();
        copy[from + at + marker.length + 40] ^= 1;
        return copy;
    }

    static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A handwritten-looking stroke on a transparent background, as the sign page's canvas sends it. */
    static byte[] signature(String name) throws IOException {
        BufferedImage image = new BufferedImage(360, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 20, 90));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int x = 20;
        for (char c : name.toCharArray()) {
            g.drawArc(x, 30 + (c % 7) * 3, 50, 60, c % 90, 250);
            x += 55;
        }
        g.drawLine(15, 100, x, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
