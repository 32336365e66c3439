package org.trilink.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.documents.control.CaseRecords;
import org.trilink.documents.control.DocumentComposer;
import org.trilink.documents.control.DocumentContent;
import org.trilink.documents.control.DocumentRenderer;

/** The documents' words and layout without a server: compose, render, read back with PDFBox. */
class DocumentComposerTest {

    private final DocumentComposer composer = new DocumentComposer();
    private final DocumentRenderer renderer = new DocumentRenderer();

    static DisputeCase concluded(String terms) {
        DisputeCase c = new DisputeCase("TL2026-000777", MatterKind.PEOPLES_MEDIATION, Channel.WALK_IN,
                IntakeMode.APPLICATION, DisputeType.NEIGHBOR, "楼上住户卫生间漏水，致楼下天花板受损，双方多次争吵",
                "310118104", "青浦区赵巷镇业辉路1号", new BigDecimal("12000.00"), 2, RiskLevel.LOW, "JO-ZHAOXIANG",
                OffsetDateTime.parse("2026-01-10T09:15:00+08:00"), OffsetDateTime.parse("2026-01-11T10:00:00+08:00"),
                "mediator");
        c.addParty(new Party(PartyRole.APPLICANT, PartyKind.PERSON, "张三", "11010519491231002X", null,
                "13800138000", "青浦区赵巷镇业辉路1号302室"));
        c.addParty(new Party(PartyRole.RESPONDENT, PartyKind.PERSON, "李四喆", "310118198001010018", null,
                "13900139000", "青浦区赵巷镇业辉路1号402室"));
        c.recordSuccess(OffsetDateTime.parse("2026-01-20T15:00:00+08:00"), AgreementForm.WRITTEN, terms,
                new BigDecimal("8600.00"), LocalDate.parse("2026-02-20"), LocalDate.parse("2026-02-19"));
        return c;
    }

    static CaseRecords.Snapshot snapshot(DisputeCase c) {
        return new CaseRecords.Snapshot(c, "赵巷镇人民调解委员会", "赵巷镇",
                Map.of("JO-ZHAOXIANG", "赵巷司法所", "PS-ZHAOXIANG", "赵巷派出所"),
                List.of(new CaseRecords.Mediator("王调解", "PEOPLES_MEDIATOR", "JO-ZHAOXIANG")),
                List.of(new CaseRecords.Referral(51, "PS-ZHAOXIANG", null, "JO-ZHAOXIANG", "非警务警情，转司法所调解",
                        "ACCEPTED", OffsetDateTime.parse("2026-01-10T11:00:00+08:00"), "police",
                        OffsetDateTime.parse("2026-01-11T11:00:00+08:00"),
                        OffsetDateTime.parse("2026-01-10T15:00:00+08:00"), null)),
                List.of(new CaseRecords.FollowUp(61, OffsetDateTime.parse("2026-02-18T10:00:00+08:00"), "PHONE",
                        "PERFORMED", 5, "被申请人已按协议支付全部款项，双方关系缓和。", "mediator", "JO-ZHAOXIANG")),
                List.of(), List.of(), Map.of("mediator", "王调解", "police", "赵警官"), "JO-ZHAOXIANG");
    }

    @Test
    void agreementCarriesPartiesTermsAndSignatureLinesInChineseWithAnEmbeddedFont() throws IOException {
        DisputeCase c = concluded("被申请人于2026年2月20日前一次性赔偿申请人修复费用。\n双方今后和睦相处，不再因此事发生争执。");
        DocumentContent content = composer.agreement(snapshot(c), 3);
        byte[] pdf = renderer.render(content, "案号 TL2026-000777　核验码 " + content.contentHash().substring(0, 12));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage first = doc.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(first.getMediaBox().getHeight()).isEqualTo(842f, org.assertj.core.data.Offset.offset(1f));
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains("人民调解协议书", "赵巷镇人民调解委员会", "TL2026-000777", "张三", "李四喆",
                    "11010519491231002X", "310118198001010018", "被申请人于2026年2月20日前一次性赔偿申请人修复费用",
                    "双方今后和睦相处", "人民币8,600.00元（大写：捌仟陆佰元整）", "2026年2月20日前履行完毕",
                    "本协议一式三份", "申请人：张三（签名、盖章或按指印）", "被申请人：李四喆（签名、盖章或按指印）", "人民调解员（签名）：王调解", "2026年1月20日",
                    "核验码" + content.contentHash().substring(0, 12));
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            assertThat(nonWhite(image)).isGreaterThan(image.getWidth() * image.getHeight() / 100);
            File out = new File("target/documents/agreement-unit.png");
            out.getParentFile().mkdirs();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", out);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 70), "png",
                    new File("target/documents/agreement-unit-last.png"));
        }
    }

    @Test
    void theAcceptingOfficeIsTheOneThatAcceptedAndTypedNumbersAreKept() {
        DisputeCase c = concluded("一、被申请人赔偿申请人修复费用。\n二、双方今后和睦相处。");
        CaseRecords.Snapshot own = snapshot(c);
        String text = flatText(composer.agreement(own, 3));
        assertThat(text).contains("一、被申请人赔偿申请人修复费用", "二、双方今后和睦相处", "协议金额：人民币8,600.00元")
                .doesNotContain("1．一、", "2．二、", "3．协议金额");
        assertThat(text).contains("本纠纷于2026年1月11日由赵巷司法所受理").doesNotContain("登记移送", "null");

        // registered by the police station, accepted by the judicial office it was referred to
        CaseRecords.Snapshot s = own;
        CaseRecords.Snapshot referred = new CaseRecords.Snapshot(withReceiving(c, "PS-ZHAOXIANG"), s.committee(),
                s.regionName(), s.officeNames(), s.mediators(), s.referrals(), s.followUps(), s.sessions(), s.filed(),
                s.staffNames(), "JO-ZHAOXIANG");
        assertThat(flatText(composer.agreement(referred, 3)))
                .contains("本纠纷于2026年1月11日由赵巷派出所登记移送，于2026年1月11日由赵巷司法所受理")
                .doesNotContain("由赵巷派出所受理", "null");
        // untyped terms are numbered as before
        assertThat(flatText(composer.agreement(snapshot(concluded("双方和睦相处。")), 3)))
                .contains("1．双方和睦相处。", "2．协议金额");
    }

    private static DisputeCase withReceiving(DisputeCase c, String office) {
        DisputeCase copy = new DisputeCase(c.caseNumber(), c.matterKind(), c.channel(), c.intakeMode(),
                c.disputeType(), c.summary(), c.regionCode(), c.address(), c.amountInvolved(), c.peopleInvolved(),
                c.riskLevel(), office, c.occurredAt(), c.receivedAt(), "police");
        c.parties().forEach(p -> copy.addParty(new Party(p.role(), p.kind(), p.name(), p.idNumber(), p.creditCode(),
                p.phone(), p.address())));
        copy.handOverTo("JO-ZHAOXIANG");
        copy.accept(OffsetDateTime.parse("2026-01-11T14:00:00+08:00"));
        copy.recordSuccess(OffsetDateTime.parse("2026-01-20T15:00:00+08:00"), AgreementForm.WRITTEN,
                c.agreementTerms(), c.agreementAmount(), c.performanceDeadline(), c.followUpDue());
        return copy;
    }

    private String flatText(DocumentContent content) {
        try (PDDocument doc = Loader.loadPDF(renderer.render(content, "footer"))) {
            return flat(new PDFTextStripper().getText(doc));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theVerificationCodeDependsOnTheWordsOnly() {
        DisputeCase c = concluded("双方和睦相处。");
        String first = composer.agreement(snapshot(c), 3).contentHash();
        assertThat(composer.agreement(snapshot(c), 3).contentHash()).isEqualTo(first);
        assertThat(composer.agreement(snapshot(concluded("双方和睦相处，互不追究。")), 3).contentHash())
                .isNotEqualTo(first);
        assertThat(composer.agreement(snapshot(c), 4).contentHash()).isNotEqualTo(first);
        assertThat(first).matches("[0-9a-f]{64}");
    }

    @Test
    void referralFollowUpAndCaseFileRead() throws IOException {
        DisputeCase c = concluded("双方和睦相处。");
        CaseRecords.Snapshot s = snapshot(c);
        String referral = text(composer.referralLetter(s, s.referrals().get(0)));
        assertThat(referral).contains("转介函", "赵巷司法所：", "TL2026-000777", "张三", "李四喆", "非警务警情，转司法所调解",
                "1101**********002X", "赵巷派出所", "联系人：赵警官（赵巷派出所）").doesNotContain("11010519491231002X");
        String followUp = text(composer.followUpRecord(s, s.followUps().get(0)));
        assertThat(followUp).contains("人民调解回访记录", "TL2026-000777", "张三、李四喆", "电话回访", "已履行",
                "5分（非常满意）", "被申请人已按协议支付全部款项", "回访人（签名）");
        String file = text(composer.caseFile(s));
        assertThat(file).contains("人民调解卷宗", "卷内目录", "TL2026-000777", "邻里纠纷", "人民调解申请书",
                "转介函（赵巷司法所）", "人民调解协议书", "人民调解回访记录", "王调解");
    }

    @Test
    void capitalAmounts() throws Exception {
        var m = Class.forName("org.trilink.documents.control.Labels").getDeclaredMethod("capitals", BigDecimal.class);
        m.setAccessible(true);
        assertThat(m.invoke(null, new BigDecimal("8600"))).isEqualTo("捌仟陆佰元整");
        assertThat(m.invoke(null, new BigDecimal("100005.20"))).isEqualTo("壹拾万零伍元贰角整");
        assertThat(m.invoke(null, new BigDecimal("1234.56"))).isEqualTo("壹仟贰佰叁拾肆元伍角陆分");
        assertThat(m.invoke(null, new BigDecimal("0.05"))).isEqualTo("伍分");
        assertThat(m.invoke(null, new BigDecimal("20000000"))).isEqualTo("贰仟万元整");
    }

    private String text(DocumentContent content) throws IOException {
        try (PDDocument doc = Loader.loadPDF(renderer.render(content, "footer"))) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    /** Extracted text without the line breaks and spaces that layout puts in. */
    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    static long nonWhite(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 200 || ((rgb >> 8) & 0xFF) < 200 || (rgb & 0xFF) < 200) {
                    n++;
                }
            }
        }
        return n;
    }
}
