package org.trilink.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trilink.testing.Api;
import org.trilink.testing.Deployments;

/**
 * Case documents as staff meet them: generated from demo cases and from a case registered
 * through the API, read back with PDFBox, versioned, verified, refused to other offices, and
 * signed copies filed back with their type and size checked.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentsIT {

    private static final String PDF = "application/pdf";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.trilinkWar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    @Test
    void everyDocumentOfADemoCaseReadsInChineseWithItsPartiesAndTerms() throws IOException {
        JsonPath c = demoCaseWithoutDocuments("CLOSED", "POLICE_110", "CLOSED");
        String number = c.getString("caseNumber");
        String docs = "/api/v1/cases/" + number + "/documents";
        List<String> names = c.getList("parties.name");
        String terms = c.getString("agreementTerms");

        JsonPath listed = api.as("mediator").get(docs).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("available.kind")).contains("agreement", "referral-letter", "follow-up-record",
                "case-file");

        Response agreement = generate("mediator", number, "agreement");
        agreement.then().statusCode(201).contentType(PDF)
                .header("X-Document-Version", "1")
                .header("Location", containsString(docs + "/"));
        String code = agreement.header("X-Verification-Code");
        assertThat(code).matches("[0-9a-f]{12}");
        String text;
        try (PDDocument pdf = Loader.loadPDF(agreement.asByteArray())) {
            text = DocumentComposerTest.flat(new PDFTextStripper().getText(pdf));
            var page1 = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
            assertThat(DocumentComposerTest.nonWhite(page1)).as("ink on page 1")
                    .isGreaterThan((long) page1.getWidth() * page1.getHeight() / 100);
            File png = new File(System.getProperty("trilink.screenshots", "target/screenshots"),
                    "agreement-page1.png");
            png.getParentFile().mkdirs();
            ImageIO.write(page1, "png", png);
        }
        assertThat(text).contains("人民调解协议书", "赵巷镇人民调解委员会", number, "经调解，双方当事人自愿达成如下协议",
                DocumentComposerTest.flat(terms), "核验码" + code, "人民调解员（签名）", "（盖章）");
        assertThat(text).contains(names);
        // the agreement is the one paper with whole ID numbers
        JsonPath full = api.as("mediator").get("/api/v1/cases/" + number).then().extract().jsonPath();
        // numbered by the committee that accepted the case, in the year agreed (issue 20); the case's version stays
        String agreementNumber = full.getString("agreementNumber");
        assertThat(agreementNumber).matches("青赵调字〔" + java.time.OffsetDateTime.parse(c.getString("outcomeAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "〕第\\d{4}号");
        assertThat(text).contains("编号：" + agreementNumber);
        assertThat(full.getLong("version")).isEqualTo(c.getLong("version"));
        assertThat(text).contains(full.getString("parties[0].idNumber"));

        String referral = pdfText(generate("mediator", number, "referral-letter").then().statusCode(201)
                .extract().response());
        assertThat(referral).contains("转介函", number, "赵巷司法所", "赵巷派出所", "非警务警情，转司法所调解").contains(names)
                .doesNotContain(full.getString("parties[0].idNumber"));
        String followUp = pdfText(generate("mediator", number, "follow-up-record").then().statusCode(201)
                .extract().response());
        assertThat(followUp).contains("人民调解回访记录", number, "回访方式", "履行情况").contains(names);
        String file = pdfText(generate("mediator", number, "case-file").then().statusCode(201).extract().response());
        assertThat(file).contains("人民调解卷宗", "卷内目录", number, "人民调解协议书", "第1版核验码" + code,
                "转介函（赵巷司法所）", "人民调解回访记录").contains(names);

        // each generation and each download is in the case's history
        api.as("mediator").accept(PDF).get(agreement.header("Location")).then().statusCode(200).contentType(PDF);
        List<Map<String, String>> history = api.as("mediator").get("/api/v1/cases/" + number + "/history").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(history.stream().filter(e -> "DOCUMENT_GENERATED".equals(e.get("type")))).hasSize(4);
        assertThat(history).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("DOCUMENT_DOWNLOADED");
            assertThat(e.get("detail")).contains("agreement v1", code);
            assertThat(e.get("actor")).isEqualTo("mediator");
        });
    }

    @Test
    void regeneratingKeepsEveryVersionAndAPaperCopyCanBeVerified() throws IOException {
        JsonPath c = demoCaseWithoutDocuments("CONCLUDED", null, "CLOSED");
        String number = c.getString("caseNumber");
        String docs = "/api/v1/cases/" + number + "/documents";
        int parties = c.getList("parties").size();

        Response v1 = generate("mediator", number, "agreement");
        v1.then().statusCode(201).header("X-Document-Version", "1")
                .header("X-Case-Version", String.valueOf(c.getLong("version")));
        byte[] v1Bytes = v1.asByteArray();
        String v1Code = v1.header("X-Verification-Code");
        assertThat(pdfText(v1)).contains("本协议一式" + "零一二三四五六七八九十".charAt(parties + 1) + "份");

        // nothing changed: the stored version, not a duplicate
        Response again = generate("mediator", number, "agreement");
        again.then().statusCode(200).header("X-Document-Id", v1.header("X-Document-Id"))
                .header("X-Document-Version", "1").header("ETag", v1.header("ETag"));
        assertThat(again.asByteArray()).isEqualTo(v1Bytes);

        // different words (one more copy to print): a new version; the first stays as it was
        Response v2 = api.as("mediator").accept(PDF).queryParam("copies", parties + 2).post(docs + "/agreement");
        v2.then().statusCode(201).header("X-Document-Version", "2");
        assertThat(v2.header("X-Verification-Code")).isNotEqualTo(v1Code);
        assertThat(pdfText(v2)).contains("本协议一式" + "零一二三四五六七八九十".charAt(parties + 2) + "份");
        // a new version of the agreement keeps its number
        String agreementNumber = api.as("mediator").get("/api/v1/cases/" + number).then().extract().jsonPath()
                .getString("agreementNumber");
        assertThat(pdfText(v1)).contains("编号：" + agreementNumber);
        assertThat(pdfText(v2)).contains("编号：" + agreementNumber);
        Response old = api.as("mediator").accept(PDF).get(docs + "/" + v1.header("X-Document-Id"));
        old.then().statusCode(200).header("X-Document-Version", "1").header("ETag", v1.header("ETag"));
        assertThat(old.asByteArray()).isEqualTo(v1Bytes);

        // the case file's index lists the signed agreement once it is filed: a change made through the API
        Response file1 = generate("mediator", number, "case-file");
        file1.then().statusCode(201).header("X-Document-Version", "1");
        assertThat(pdfText(file1)).doesNotContain("签字本已归档");
        api.as("mediator").contentType(PDF).body(v2.asByteArray()).queryParam("fileName", "signed.pdf")
                .post(docs + "/" + v2.header("X-Document-Id") + "/signed-copies").then().statusCode(201);
        Response file2 = generate("mediator", number, "case-file");
        file2.then().statusCode(201).header("X-Document-Version", "2");
        assertThat(pdfText(file2)).contains("第2版核验码" + v2.header("X-Verification-Code") + "，签字本已归档");
        assertThat(api.as("mediator").accept(PDF).get(docs + "/" + file1.header("X-Document-Id")).asByteArray())
                .isEqualTo(file1.asByteArray());

        JsonPath list = api.as("mediator").get(docs).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("documents.findAll { it.kind == 'agreement' }.version")).containsExactly(1, 2);
        assertThat(list.getList("documents.findAll { it.kind == 'case-file' }.version")).containsExactly(1, 2);
        assertThat(list.getString("documents.find { it.version == 2 && it.kind == 'agreement' }.signedCopies[0]"
                + ".fileName")).isEqualTo("signed.pdf");
        assertThat(list.getString("documents.find { it.version == 1 && it.kind == 'agreement' }.sha256"))
                .isEqualTo(v1.header("ETag").replace("\"", ""));

        // a paper copy: the code at its foot names the version it was printed from
        api.as("mediator").queryParam("code", v1Code).get(docs + "/verify").then().statusCode(200)
                .body("matches", equalTo(true))
                .body("documents[0].kind", equalTo("agreement"))
                .body("documents[0].version", equalTo(1));
        api.as("mediator").queryParam("code", "000000000000").get(docs + "/verify").then().statusCode(200)
                .body("matches", equalTo(false));
        api.as("mediator").queryParam("code", "not-a-code").get(docs + "/verify").then().statusCode(400)
                .body("errors.field", hasItem("code"));
        api.as("mediator").queryParam("copies", 99).accept(PDF).post(docs + "/agreement").then().statusCode(400)
                .body("errors.field", hasItem("copies"));
    }

    @Test
    void anAgreementMadeAfterAPartyIsCorrectedIsANewVersionAndTheOldOneStaysAsPrinted() throws IOException {
        // a dispute registered and mediated to a written agreement by the Zhaoxiang judicial office
        String number = api.as("mediator").body(Api.intake(Api.marker())).post("/api/v1/cases").then().statusCode(201)
                .extract().jsonPath().getString("caseNumber");
        String cases = "/api/v1/cases/" + number;
        move(number, "accept", "{}").then().statusCode(200);
        move(number, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}").then()
                .statusCode(200).body("status", equalTo("IN_MEDIATION"));
        move(number, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"被申请人于三十日内修复漏水并赔偿张三六千元\", \"amount\": 6000.00}").then().statusCode(200)
                .body("status", equalTo("CONCLUDED"));

        Response v1 = generate("mediator", number, "agreement");
        v1.then().statusCode(201).header("X-Document-Version", "1");
        byte[] v1Bytes = v1.asByteArray();
        assertThat(pdfText(v1)).contains("张三", "被申请人于三十日内修复漏水并赔偿张三六千元").doesNotContain("嘉松中路188号");
        long before = version(number);

        // the applicant's address was missing: the handling office corrects the particulars
        String applicant = """
                {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "11010519491231002X",
                 "phone": "13800138000", "address": "青浦区赵巷镇嘉松中路188号", "reason": "当事人补充住址"}""";
        String party1 = cases + "/parties/1";
        api.as("mediator").body(applicant).put(party1).then().statusCode(428);
        api.as("mediator2").header("If-Match", "\"" + before + "\"").body(applicant).put(party1).then().statusCode(404);
        api.as("drafter").header("If-Match", "\"" + before + "\"").body(applicant).put(party1).then().statusCode(403);
        api.as("mediator").header("If-Match", "\"" + before + "\"")
                .body(applicant.replace("11010519491231002X", "110105194912310021")).put(party1).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("idNumber"));
        api.as("mediator").header("If-Match", "\"" + before + "\"").body(applicant.replace("APPLICANT", "RESPONDENT"))
                .put(party1).then().statusCode(400).body("errors.field", hasItem("role"));
        api.as("mediator").header("If-Match", "\"" + before + "\"").body(applicant).put(cases + "/parties/3").then()
                .statusCode(404);
        api.as("mediator").header("If-Match", "\"" + before + "\"").body(applicant).put(party1).then().statusCode(200)
                .body("version", equalTo((int) before + 1));
        api.as("mediator").header("If-Match", "\"" + (before + 1) + "\"").body(applicant).put(party1).then()
                .statusCode(400).body("errors.message", hasItem(containsString("nothing to correct")));
        api.as("mediator").get(cases).then().statusCode(200).body("parties[0].address", equalTo("青浦区赵巷镇嘉松中路188号"));
        List<Map<String, String>> history = api.as("mediator").get(cases + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(history).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("PARTY_CORRECTED");
            assertThat(e.get("detail")).startsWith("party 1: address").doesNotContain("嘉松中路");
        });

        // regenerated: a new version made from the corrected case; the first stays byte for byte as printed
        Response v2 = generate("mediator", number, "agreement");
        v2.then().statusCode(201).header("X-Document-Version", "2").header("X-Case-Version", String.valueOf(before + 1));
        assertThat(pdfText(v2)).contains("嘉松中路188号", "张三");
        Response old = api.as("mediator").accept(PDF).get(v1.header("Location"));
        old.then().statusCode(200).header("X-Document-Version", "1");
        assertThat(old.asByteArray()).isEqualTo(v1Bytes);
        assertThat(pdfText(old)).doesNotContain("嘉松中路188号");

        // once closed, the particulars are as filed
        api.as("mediator").header("If-Match", "\"" + version(number) + "\"")
                .body("{\"method\": \"PHONE\", \"performance\": \"PERFORMED\", \"satisfaction\": 5}")
                .post(cases + "/follow-ups").then().statusCode(201);
        move(number, "close", "{}").then().statusCode(200).body("status", equalTo("CLOSED"));
        api.as("mediator").header("If-Match", "\"" + version(number) + "\"")
                .body(applicant.replace("188号", "189号")).put(party1).then().statusCode(409)
                .body("move", equalTo("CORRECT_PARTY"));
    }

    /**
     * Issue 24: every party signs the agreement electronically (on the office's tablet, through
     * the API); the signed version carries their marks, the seal and a PAdES signature that
     * BouncyCastle verifies over the whole file; a changed copy is reported changed; a stale
     * version is refused; the paper route still works on the same version.
     */
    @Test
    void everyPartySignsElectronicallyAndTheSignedAgreementVerifies() throws Exception {
        String number = api.as("mediator").body(Api.intake(Api.marker())).post("/api/v1/cases").then().statusCode(201)
                .extract().jsonPath().getString("caseNumber");
        String docs = "/api/v1/cases/" + number + "/documents";
        move(number, "accept", "{}").then().statusCode(200);
        move(number, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}").then()
                .statusCode(200);
        move(number, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"被申请人于十日内赔偿申请人三千元\", \"amount\": 3000.00}").then().statusCode(200);
        api.as("mediator").get(docs + "/signatures").then().statusCode(409)
                .body("detail", containsString("not been generated"));

        Response v1 = generate("mediator", number, "agreement");
        v1.then().statusCode(201);
        long v1Id = Long.parseLong(v1.header("X-Document-Id"));
        String sha = v1.header("ETag").replace("\"", "");
        JsonPath status = api.as("mediator").get(docs + "/signatures").then().statusCode(200).extract().jsonPath();
        assertThat(status.getLong("documentId")).isEqualTo(v1Id);
        assertThat(status.getString("sha256")).isEqualTo(sha);
        assertThat(status.getList("parties.signed")).containsExactly(false, false);
        assertThat(status.getBoolean("complete")).isFalse();

        // the party reads the pages as images
        Response page = api.as("mediator").accept("image/png").get(docs + "/" + v1Id + "/pages/1");
        page.then().statusCode(200).contentType("image/png");
        int pages = Integer.parseInt(page.header("X-Page-Count"));
        assertThat(pages).isBetween(1, 4);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(page.asByteArray())).getWidth()).isGreaterThan(800);
        api.as("mediator").accept("image/png").get(docs + "/" + v1Id + "/pages/" + (pages + 1)).then().statusCode(404);

        // refused: a stale version, a blank or non-PNG image, another office, a drafter, no such party
        String ink = java.util.Base64.getEncoder().encodeToString(AgreementSigningTest.signature("Zhang"));
        sign("mediator", docs, 1, ink, "0".repeat(64)).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:trilink:problem:stale-agreement-version"))
                .body("sha256", equalTo(sha));
        sign("mediator", docs, 1, java.util.Base64.getEncoder().encodeToString(blankPng()), sha).then().statusCode(400)
                .body("errors.field", hasItem("image"));
        sign("mediator", docs, 1, java.util.Base64.getEncoder().encodeToString(jpeg()), sha).then().statusCode(415);
        sign("mediator", docs, 1, "%%%", sha).then().statusCode(400);
        sign("mediator2", docs, 1, ink, sha).then().statusCode(404);
        sign("drafter", docs, 1, ink, sha).then().statusCode(403);
        sign("mediator", docs, 3, ink, sha).then().statusCode(404);

        JsonPath first = sign("mediator", docs, 1, ink, sha).then().statusCode(201).extract().jsonPath();
        assertThat(first.getList("parties.signed")).containsExactly(true, false);
        assertThat(first.getString("parties[0].channel")).isEqualTo("OFFICE_TABLET");
        assertThat(first.getBoolean("complete")).isFalse();
        sign("mediator", docs, 1, ink, sha).then().statusCode(409).body("detail", containsString("already signed"));
        JsonPath done = sign("mediator", docs, 2,
                java.util.Base64.getEncoder().encodeToString(AgreementSigningTest.signature("Li")), sha)
                .then().statusCode(201).extract().jsonPath();
        assertThat(done.getBoolean("complete")).isTrue();
        long signedId = done.getLong("signedDocumentId");
        sign("mediator", docs, 2, ink, sha).then().statusCode(409);

        // the signed version: a new version, PAdES over the whole file, the office's certificate
        Response signedFile = api.as("mediator").accept(PDF).get(done.getString("signedHref"));
        signedFile.then().statusCode(200).header("X-Document-Version", "2");
        byte[] pdf = signedFile.asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
            org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = sig.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).as("ByteRange ends at EOF").isEqualTo(pdf.length);
            org.bouncycastle.asn1.cms.ContentInfo info;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents())) {
                info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
            }
            org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(
                    new org.bouncycastle.cms.CMSProcessableByteArray(sig.getSignedContent(pdf)), info);
            org.bouncycastle.cms.SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            org.bouncycastle.cert.X509CertificateHolder cert = (org.bouncycastle.cert.X509CertificateHolder)
                    cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(cert)))
                    .isTrue();
            assertThat(signer.getSignedAttributes()
                    .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).isNull();
            assertThat(cert.getSubject().toString()).contains("TriLink demo");
            String text = DocumentComposerTest.flat(new PDFTextStripper().getText(doc));
            assertThat(text).contains("电子签署版", "被申请人于十日内赔偿申请人三千元", "电子签名");
            File shot = new File("target/screenshots/agreement-signed-last-page.png");
            shot.getParentFile().mkdirs();
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 80), "png", shot);
        }

        // the staff verification: the office's certificate, whole file, unchanged, stored by TriLink
        api.as("mediator").get(docs + "/" + signedId + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("issuedByTriLink", equalTo(true))
                .body("signatures[0].coversWholeFile", equalTo(true))
                .body("signatures[0].officeCertificate", equalTo(true))
                .body("signatures[0].unchangedSince", equalTo(true));
        api.as("mediator").get(docs + "/" + v1Id + "/verification").then().statusCode(200)
                .body("signed", equalTo(false)).body("valid", equalTo(false));
        api.as("mediator2").get(docs + "/" + signedId + "/verification").then().statusCode(404);

        // the public verification: no account, the same verdict, nothing about the case
        String publicReport = api.anonymous().contentType(PDF).body(pdf).post("/api/v1/public/verifications").then()
                .statusCode(200).body("valid", equalTo(true)).body("issuedByTriLink", equalTo(true))
                .body("signatures[0].signer", containsString("TriLink")).extract().asString();
        assertThat(publicReport).doesNotContain(number, "张三");
        api.anonymous().contentType(PDF).body(AgreementSigningTest.tamper(pdf)).post("/api/v1/public/verifications")
                .then().statusCode(200).body("valid", equalTo(false)).body("issuedByTriLink", equalTo(false))
                .body("signatures[0].intact", equalTo(false)).body("signatures[0].unchangedSince", equalTo(false))
                .body("summary", containsString("changed"));
        byte[] appended = Arrays.copyOf(pdf, pdf.length + 8);
        System.arraycopy("\n%extra\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, appended, pdf.length, 8);
        api.anonymous().contentType(PDF).body(appended).post("/api/v1/public/verifications").then().statusCode(200)
                .body("signatures[0].intact", equalTo(true)).body("signatures[0].coversWholeFile", equalTo(false))
                .body("valid", equalTo(false));
        api.anonymous().contentType("text/plain").body("not a pdf").post("/api/v1/public/verifications").then()
                .statusCode(415).contentType(containsString("application/problem+json"));
        api.anonymous().contentType(PDF).body(new byte[0]).post("/api/v1/public/verifications").then().statusCode(400);
        api.anonymous().get(docs + "/" + signedId + "/verification").then().statusCode(401);
        // the public verification page opens without an account (uploading is the browser's part)
        api.anonymous().get("/public/verify.xhtml").then().statusCode(200)
                .body(containsString("verifyForm"));

        // the history, and the paper route on the same version still works
        List<String> types = api.as("mediator").get("/api/v1/cases/" + number + "/history").then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertThat(types.stream().filter("AGREEMENT_SIGNED"::equals)).hasSize(2);
        assertThat(types).contains("AGREEMENT_SEALED");
        api.as("mediator").contentType("image/png").body(png())
                .post(docs + "/" + v1Id + "/signed-copies").then().statusCode(201);
        // regenerating the unchanged agreement answers the version the parties signed, not a third
        generate("mediator", number, "agreement").then().statusCode(200).header("X-Document-Version", "1");
    }

    private Response sign(String user, String docs, int party, String image, String sha256) {
        return api.as(user).body("{\"party\": " + party + ", \"image\": \"" + image + "\", \"sha256\": \"" + sha256
                + "\"}").post(docs + "/signatures");
    }

    private static byte[] blankPng() throws IOException {
        BufferedImage blank = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        return out.toByteArray();
    }

    private long version(String number) {
        return api.as("mediator").get("/api/v1/cases/" + number + "/actions").then().statusCode(200).extract()
                .jsonPath().getLong("version");
    }

    private Response move(String number, String what, String body) {
        return api.as("mediator").header("If-Match", "\"" + version(number) + "\"").body(body)
                .post("/api/v1/cases/" + number + "/" + what);
    }

    /** Issue 20: rare name characters print (fallback fonts); one that no bundled font has is refused, naming it. */
    @Test
    void everyNamePrintsAndACharacterNoFontHasIsRefused() throws IOException {
        String body = Api.intake(Api.marker()).replace("\"张三\"", "\"张𠮷堃\"")
                .replace("\"某物业公司\"", "\"李䶮喆\"").replace("\"ORGANISATION\"", "\"PERSON\"")
                .replace("\"creditCode\": \"91310118MA1JL0XX5Q\"", "\"idNumber\": \"310118198503150026\"");
        String number = api.as("mediator").body(body).post("/api/v1/cases").then().statusCode(201)
                .body("parties.name", equalTo(List.of("张𠮷堃", "李䶮喆"))).extract().jsonPath().getString("caseNumber");
        String cases = "/api/v1/cases/" + number;
        move(number, "accept", "{}").then().statusCode(200);
        move(number, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}").then()
                .statusCode(200);
        move(number, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"李䶮喆于十日内修复漏水\"}").then().statusCode(200);
        String text = pdfText(generate("mediator", number, "agreement").then().statusCode(201).extract().response());
        assertThat(text).contains("张𠮷堃", "李䶮喆", "李䶮喆于十日内修复漏水");

        // U+30000 (CJK Extension G) is in none of the bundled fonts
        String applicant = """
                {"role": "APPLICANT", "kind": "PERSON", "name": "王\uD880\uDC00", "idNumber": "11010519491231002X",
                 "phone": "13800138000", "reason": "当事人更正姓名"}""";
        api.as("mediator").header("If-Match", "\"" + version(number) + "\"").body(applicant).put(cases + "/parties/1")
                .then().statusCode(200);
        int stored = api.as("mediator").get(cases + "/documents").then().statusCode(200).extract().jsonPath()
                .getList("documents").size();
        api.as("mediator").accept("application/pdf, application/problem+json").post(cases + "/documents/agreement")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("detail", containsString("U+30000"));
        assertThat(api.as("mediator").get(cases + "/documents").then().statusCode(200).extract().jsonPath()
                .getList("documents")).as("nothing stored for the refused paper").hasSize(stored);
    }

    @Test
    void aCaseRegisteredThroughTheApiHasOnlyTheDocumentsItsStateAllows() throws IOException {
        String number = api.as("police").body(Api.intake(Api.marker())).post("/api/v1/cases").then().statusCode(201)
                .extract().jsonPath().getString("caseNumber");
        String docs = "/api/v1/cases/" + number + "/documents";

        generate("police", number, "agreement").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("no written mediation agreement"));
        generate("police", number, "referral-letter").then().statusCode(409);
        generate("police", number, "follow-up-record").then().statusCode(409);
        generate("police", number, "minutes").then().statusCode(400).body("errors.field", hasItem("kind"));
        Response file = generate("police", number, "case-file");
        file.then().statusCode(201);
        assertThat(pdfText(file)).contains("人民调解卷宗", number, "张三", "某物业公司", "纠纷移送材料", "赵巷派出所");

        // another office does not learn that the case exists; drafters and the admin make no documents
        for (String other : List.of("mediator2", "mediator")) {
            api.as(other).get(docs).then().statusCode(404);
            generate(other, number, "case-file").then().statusCode(404);
            api.as(other).accept(PDF).get(docs + "/" + file.header("X-Document-Id")).then().statusCode(404);
            api.as(other).contentType(PDF).body(file.asByteArray())
                    .post(docs + "/" + file.header("X-Document-Id") + "/signed-copies").then().statusCode(404);
        }
        api.as("drafter").get(docs).then().statusCode(403);
        generate("drafter", number, "case-file").then().statusCode(403);
        api.as("admin").get(docs).then().statusCode(200).body("documents.size()", equalTo(1));
        generate("admin", number, "case-file").then().statusCode(403);
        api.anonymous().get(docs).then().statusCode(401);
        // a document of another case is not reachable through this one
        api.as("police").accept(PDF).get(docs + "/999999999").then().statusCode(404);
        assertThat(api.anonymous().get("/openapi").then().statusCode(200).extract().asString()).contains(
                "/api/v1/cases/{caseNumber}/documents/{kind}", "/api/v1/cases/{caseNumber}/documents/verify");
    }

    @Test
    void signedCopiesAreCheckedByTheirBytesAndSize() throws IOException {
        String number = api.as("police").body(Api.intake(Api.marker())).post("/api/v1/cases").then().statusCode(201)
                .extract().jsonPath().getString("caseNumber");
        String docs = "/api/v1/cases/" + number + "/documents";
        Response file = generate("police", number, "case-file");
        String copies = docs + "/" + file.header("X-Document-Id") + "/signed-copies";

        Response filed = api.as("police").contentType(PDF).body(file.asByteArray()).queryParam("fileName",
                "C:\\scans\\卷宗签字本.pdf").post(copies);
        filed.then().statusCode(201).body("mediaType", equalTo(PDF)).body("fileName", equalTo("卷宗签字本.pdf"));
        // the same file again is recognised
        api.as("police").contentType(PDF).body(file.asByteArray()).post(copies).then().statusCode(200)
                .body("id", equalTo(filed.jsonPath().getInt("id")));
        byte[] back = api.as("police").accept(PDF).get(filed.jsonPath().getString("href")).then().statusCode(200)
                .contentType(PDF).extract().asByteArray();
        assertThat(back).isEqualTo(file.asByteArray());

        byte[] png = png();
        api.as("police").contentType("image/png").body(png).post(copies).then().statusCode(201)
                .body("mediaType", equalTo("image/png"));
        // a photo sent without a specific type is still recognised by its bytes
        byte[] jpeg = jpeg();
        api.as("police").contentType("application/octet-stream").body(jpeg).post(copies).then().statusCode(201)
                .body("mediaType", equalTo("image/jpeg"));

        // a text file calling itself a PDF, and a PNG calling itself a JPEG
        api.as("police").contentType(PDF).body("这不是扫描件".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(copies).then().statusCode(415).contentType(containsString("application/problem+json"))
                .body("detail", containsString("must be a PDF, PNG or JPEG"));
        api.as("police").contentType("image/jpeg").body(png).post(copies).then().statusCode(415)
                .body("detail", containsString("says image/jpeg but the content is image/png"));
        api.as("police").contentType(PDF).body(new byte[0]).post(copies).then().statusCode(400)
                .body("errors.field", hasItem("body"));

        // a large scan within the limit is filed; one over it is refused
        byte[] big = new byte[9 * 1024 * 1024];
        new Random(7).nextBytes(big);
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        api.as("police").contentType("image/jpeg").body(big).post(copies).then().statusCode(201)
                .body("sizeBytes", equalTo(big.length));
        byte[] huge = Arrays.copyOf(big, 10 * 1024 * 1024 + 1);
        api.as("police").contentType("image/jpeg").body(huge).post(copies).then().statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("at most 10485760 bytes"));

        JsonPath list = api.as("police").get(docs).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("documents[0].signedCopies.mediaType")).containsExactly(PDF, "image/png",
                "image/jpeg", "image/jpeg");
        List<String> types = api.as("police").get("/api/v1/cases/" + number + "/history").then().extract()
                .jsonPath().getList("type");
        assertThat(types.stream().filter("SIGNED_COPY_UPLOADED"::equals)).hasSize(4);
    }

    // --- helpers ---

    private Response generate(String user, String number, String kind) {
        return api.as(user).accept(PDF).post("/api/v1/cases/" + number + "/documents/" + kind);
    }

    private static String pdfText(Response r) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(r.asByteArray())) {
            return DocumentComposerTest.flat(new PDFTextStripper().getText(pdf));
        }
    }

    /**
     * A Zhaoxiang demo case that ended in a written agreement and has no documents yet (the
     * H2 test database outlives a run), read whole as the mediator of the handling office.
     */
    private JsonPath demoCaseWithoutDocuments(String status, String channel, String orStatus) {
        List<String> numbers = new java.util.ArrayList<>();
        for (String st : new java.util.LinkedHashSet<>(List.of(status, orStatus))) {
            var query = api.as("mediator").queryParam("status", st).queryParam("region", "310118104")
                    .queryParam("office", "JO-ZHAOXIANG").queryParam("size", 200);
            if (channel != null) {
                query.queryParam("channel", channel);
            }
            numbers.addAll(query.get("/api/v1/cases").then().statusCode(200).extract().jsonPath()
                    .getList("items.caseNumber"));
        }
        Optional<JsonPath> found = numbers.stream()
                .map(n -> api.as("mediator").get("/api/v1/cases/" + n).then().statusCode(200).extract().jsonPath())
                .filter(c -> "WRITTEN".equals(c.getString("agreementForm")))
                .filter(c -> api.as("mediator").get("/api/v1/cases/" + c.getString("caseNumber") + "/documents")
                        .then().extract().jsonPath().getList("documents").isEmpty())
                .findFirst();
        assertThat(found).as("a %s demo case with a written agreement in Zhaoxiang and no documents yet", status)
                .isPresent();
        return found.get();
    }

    private static byte[] png() throws IOException {
        return image("png");
    }

    private static byte[] jpeg() throws IOException {
        return image("jpg");
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 280);
        g.setColor(Color.BLACK);
        g.drawString("signed", 40, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(scan, format, out);
        return out.toByteArray();
    }
}
