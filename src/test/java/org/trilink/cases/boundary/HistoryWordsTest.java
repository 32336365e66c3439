package org.trilink.cases.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.trilink.cases.entity.CaseChange;
import org.trilink.platform.LegacyDetails;
import org.trilink.platform.faces.Labels;

/**
 * Each detail format the {@code history.record(...)} calls wrote before the typed changes (and the
 * demo data's shorter forms), converted by V17 to its typed change, as the case page shows it in
 * Chinese and in English: labels and codes in words, typed text verbatim. The expected words are
 * those the page showed for the old text, so a converted row reads as it did.
 */
class HistoryWordsTest {

    /** The page's words for the typed change an old detail converts to. */
    record Page(HistoryWords words) {
        String format(String type, String detail) {
            return words.format(LegacyDetails.change(type, detail));
        }
    }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Page zh() {
        Map<String, String> offices = Map.of("JO-ZHAOXIANG", "赵巷镇司法所", "PS-ZHAOXIANG", "赵巷派出所");
        return new Page(new HistoryWords(ResourceBundle.getBundle(Labels.BUNDLE, Locale.SIMPLIFIED_CHINESE), Locale.SIMPLIFIED_CHINESE,
                SHANGHAI, code -> offices.getOrDefault(code, code)));
    }

    static Page en() {
        Map<String, String> offices = Map.of("JO-ZHAOXIANG", "Zhaoxiang Judicial Office",
                "PS-ZHAOXIANG", "Zhaoxiang Police Station");
        return new Page(new HistoryWords(ResourceBundle.getBundle(Labels.BUNDLE, Locale.ENGLISH), Locale.ENGLISH,
                SHANGHAI, code -> offices.getOrDefault(code, code)));
    }

    @Test
    void received() {
        assertThat(zh().format("RECEIVED", "channel=POLICE_110, type=NEIGHBOR"))
                .isEqualTo("来源渠道：110非警务警情，纠纷类型：邻里");
        assertThat(en().format("RECEIVED", "channel=POLICE_110, type=NEIGHBOR"))
                .isEqualTo("Channel: Police 110 transfer, Dispute type: Neighbour");
        assertThat(zh().format("RECEIVED", "channel=LEDGER_IMPORT, type=LABOR, from the ledger"))
                .isEqualTo("来源渠道：" + zhText("Channel.LEDGER_IMPORT") + "，纠纷类型：" + zhText("DisputeType.LABOR")
                        + "，来自历史台账");
        assertThat(en().format("RECEIVED", "channel=LEDGER_IMPORT, type=LABOR, from the ledger"))
                .isEqualTo("Channel: Ledger import, Dispute type: Labour, from the ledger");
        assertThat(zh().format("RECEIVED", "channel=CROSS_REGION, type=CONTRACT, partner=demo-police"))
                .endsWith("，合作方：demo-police").doesNotContain("partner=");
        assertThat(en().format("RECEIVED", "channel=CROSS_REGION, type=CONTRACT, partner=demo-police"))
                .isEqualTo("Channel: Cross-region partner, Dispute type: Contract, Partner: demo-police");
    }

    @Test
    void declinedKeepsReasonAndGuidanceAsTyped() {
        String stored = "reason: 已起诉至法院; guidance: 请等待法院判决 (case 2026-01)";
        assertThat(zh().format("DECLINED", stored)).isEqualTo("理由：已起诉至法院；引导途径：请等待法院判决 (case 2026-01)");
        assertThat(en().format("DECLINED", stored)).isEqualTo("Reason: 已起诉至法院; Guidance: 请等待法院判决 (case 2026-01)");
        // braces and quotes typed by people are text, not patterns
        assertThat(en().format("DECLINED", "reason: it's {0}; guidance: '{1}'"))
                .isEqualTo("Reason: it's {0}; Guidance: '{1}'");
        // the demo's declines are the reason alone
        assertThat(zh().format("DECLINED", "当事人已起诉至法院")).isEqualTo("当事人已起诉至法院");
    }

    @Test
    void freeTextEventsStayAsTyped() {
        for (String type : new String[] {"ACCEPTED", "CLOSED", "ADMIN_FILED", "RISK_CHANGED"}) {
            assertThat(zh().format(type, "channel=POLICE_110, 双方情绪激动")).isEqualTo("channel=POLICE_110, 双方情绪激动");
            assertThat(en().format(type, "reason: x; guidance: y")).isEqualTo("reason: x; guidance: y");
        }
        assertThat(zh().format("MEDIATION_STARTED", null)).isEmpty();
    }

    @Test
    void acceptanceShowsTheRegisterNumberThenTheNote() {
        HistoryWords zh = zh().words();
        assertThat(zh.format(new CaseChange.Accepted("材料齐全", "青赵调登〔2026〕第0012号")))
                .isEqualTo("登记编号 青赵调登〔2026〕第0012号；材料齐全");
        assertThat(zh.format(new CaseChange.AdminFiled(null, "青赵调登〔2026〕第0013号")))
                .isEqualTo("登记编号 青赵调登〔2026〕第0013号");
        assertThat(en().words().format(new CaseChange.Accepted("all papers in", "青赵调登〔2026〕第0012号")))
                .isEqualTo("Register number 青赵调登〔2026〕第0012号; all papers in");
        assertThat(zh.format(new CaseChange.Accepted("材料齐全"))).isEqualTo("材料齐全");
    }

    @Test
    void joinedOffice() {
        assertThat(zh().format("JOINED", "JO-ZHAOXIANG")).isEqualTo("赵巷镇司法所");
        assertThat(zh().format("JOINED", "JO-ZHAOXIANG: 请律师参与: 联合调解")).isEqualTo("赵巷镇司法所：请律师参与: 联合调解");
        assertThat(en().format("JOINED", "JO-ZHAOXIANG: bring the lawyer")).isEqualTo("Zhaoxiang Judicial Office: bring the lawyer");
        assertThat(en().format("JOINED", "LF-UNKNOWN")).isEqualTo("LF-UNKNOWN");
    }

    @Test
    void adminResolved() {
        assertThat(zh().format("ADMIN_RESOLVED", "CORRECTED: 撤销原处罚决定")).isEqualTo("纠错：撤销原处罚决定");
        assertThat(en().format("ADMIN_RESOLVED", "CORRECTED: 撤销原处罚决定")).isEqualTo("Corrected: 撤销原处罚决定");
        assertThat(zh().format("ADMIN_RESOLVED", "RESOLVED_BEFORE_FILING")).isEqualTo("立案前化解");
        assertThat(en().format("ADMIN_RESOLVED", "MEDIATED")).isEqualTo("Mediated");
    }

    @Test
    void ledgerOutcome() {
        assertThat(zh().format("LEDGER_OUTCOME", "SUCCESS")).isEqualTo("调解成功");
        assertThat(en().format("LEDGER_OUTCOME", "WITHDRAWN")).isEqualTo("Withdrawn");
    }

    @Test
    void partyCorrectedNamesFieldsNeverValues() {
        assertThat(zh().format("PARTY_CORRECTED", "party 1: address; 当事人搬家")).isEqualTo("第1位当事人：地址；当事人搬家");
        assertThat(en().format("PARTY_CORRECTED", "party 1: address; 当事人搬家")).isEqualTo("Party 1: Address; 当事人搬家");
        assertThat(zh().format("PARTY_CORRECTED", "party 2: name, phone"))
                .isEqualTo("第2位当事人：姓名或名称、手机号");
        assertThat(en().format("PARTY_CORRECTED", "party 2: name, idNumber, creditCode, phone, address"))
                .isEqualTo("Party 2: Name, Resident ID number, Unified social credit code, Mobile phone, Address");
        // the event's own name is not repeated in its detail (the portal test looks for it to appear once made)
        assertThat(zh().format("PARTY_CORRECTED", "party 1: address")).doesNotContain("当事人信息更正");
    }

    @Test
    void outcomeRecorded() {
        assertThat(zh().format("OUTCOME_RECORDED", "SUCCESS WRITTEN amount=12000.50; follow-up due 2026-02-15"))
                .isEqualTo("调解成功，书面协议，金额（元）：12,000.50；回访期限：2026年2月15日");
        assertThat(en().format("OUTCOME_RECORDED", "SUCCESS ORAL; follow-up due 2026-02-15"))
                .isEqualTo("Success, Oral agreement; Follow-up due: 15 Feb 2026");
        assertThat(zh().format("OUTCOME_RECORDED", "FAILURE guidance=LITIGATION; follow-up due 2026-03-01"))
                .isEqualTo("调解不成功，引导途径：诉讼；回访期限：2026年3月1日");
        assertThat(en().format("OUTCOME_RECORDED", "WITHDRAWN; follow-up due 2026-03-01"))
                .isEqualTo("Withdrawn; Follow-up due: 1 Mar 2026");
        // the demo's and the partner stand-in's bare outcome
        assertThat(zh().format("OUTCOME_RECORDED", "SUCCESS")).isEqualTo("调解成功");
    }

    @Test
    void anOutcomeShowsTheEscalationsItAvertedWithTheirPeople() {
        CaseChange live = new CaseChange.OutcomeRecorded(org.trilink.cases.entity.Outcome.SUCCESS,
                org.trilink.cases.entity.AgreementForm.WRITTEN, null, null, null,
                new org.trilink.cases.entity.Averted(true, 3, true, null));
        assertThat(zh().words().format(live)).isEqualTo("调解成功，书面协议，防止民转刑：3人，防止群体性上访");
        assertThat(en().words().format(live)).isEqualTo("Success, Written agreement, Kept from becoming a criminal case:"
                + " 3 people, Kept from becoming a mass petition");
        CaseChange imported = new CaseChange.LedgerOutcome(org.trilink.cases.entity.Outcome.SUCCESS, null, null, null,
                new org.trilink.cases.entity.Averted(false, null, true, 12));
        assertThat(zh().words().format(imported)).isEqualTo("调解成功，防止群体性上访：12人");
    }

    @Test
    void followUps() {
        assertThat(zh().format("FOLLOW_UP_RECORDED", "method=VISIT performance=PERFORMED satisfaction=5"))
                .isEqualTo("方式：上门，履行情况：已履行，满意度：5");
        assertThat(en().format("FOLLOW_UP_RECORDED", "method=PHONE performance=PARTLY satisfaction=3"))
                .isEqualTo("Method: Phone, Performance: Partly performed, Satisfaction: 3");
        assertThat(zh().format("FOLLOW_UP_RECORDED", "NOT_PERFORMED")).isEqualTo("履行情况：未履行");
        assertThat(zh().format("FOLLOW_UP_OVERDUE", "due=2026-02-15 office=JO-ZHAOXIANG"))
                .isEqualTo("回访期限：2026年2月15日，单位：赵巷镇司法所");
        assertThat(en().format("FOLLOW_UP_OVERDUE", "due=2026-02-15 office=JO-ZHAOXIANG"))
                .isEqualTo("Follow-up due: 15 Feb 2026, Office: Zhaoxiang Judicial Office");
    }

    /** Issue 24, stage 2: a party's own rating, and a paper a party downloaded through the door. */
    @Test
    void aPartysRatingAndPaperDownload() {
        assertThat(zh().words().format(new org.trilink.cases.entity.CaseChange.PartyRated(2, 2, "回访太晚了")))
                .isEqualTo("当事人2评价服务：2星；回访太晚了");
        assertThat(en().words().format(new org.trilink.cases.entity.CaseChange.PartyRated(1, 5, null)))
                .isEqualTo("Party 1 rated the service: 5 stars");
        assertThat(zh().words().format(new org.trilink.cases.entity.CaseChange.PartyViewedOnline(1, "paper v3")))
                .isEqualTo("当事人1在线下载文书（第3版）");
        assertThat(en().words().format(new org.trilink.cases.entity.CaseChange.PartyViewedOnline(1, "CASE")))
                .isEqualTo("Party 1 viewed the case online");
    }

    @Test
    void mediatorAssigned() {
        assertThat(zh().format("MEDIATOR_ASSIGNED", "mediator as PEOPLES_MEDIATOR of JO-ZHAOXIANG"))
                .isEqualTo("mediator（赵巷镇司法所，人民调解员）");
        assertThat(en().format("MEDIATOR_ASSIGNED", "mediator as LAWYER of JO-ZHAOXIANG"))
                .isEqualTo("mediator as Lawyer of Zhaoxiang Judicial Office");
    }

    @Test
    void sessions() {
        String scheduled = "session=1234 at=2026-03-02T01:30Z place=赵巷镇司法所 调解室; 二楼";
        assertThat(zh().format("SESSION_SCHEDULED", scheduled))
                .isEqualTo("调解会 #1234，时间：2026年3月2日 09:30，地点：赵巷镇司法所 调解室; 二楼");
        assertThat(en().format("SESSION_SCHEDULED", scheduled))
                .isEqualTo("Session #1234, Time: 2 Mar 2026 09:30, Place: 赵巷镇司法所 调解室; 二楼");
        assertThat(zh().format("SESSION_HELD", "session=7 at=2026-03-02T09:30+08:00"))
                .isEqualTo("调解会 #7，时间：2026年3月2日 09:30");
        assertThat(en().format("SESSION_RESCHEDULED", "session=7; 当事人出差")).isEqualTo("Session #7; 当事人出差");
        assertThat(zh().format("SESSION_RESCHEDULED", "session=7")).isEqualTo("调解会 #7");
        assertThat(zh().format("SESSION_CANCELLED", "session=7; 当事人已和解")).isEqualTo("调解会 #7；当事人已和解");
    }

    @Test
    void referrals() {
        assertThat(zh().format("REFERRED", "referral=12 to=JO-ZHAOXIANG; 非警务警情，转司法所调解"))
                .isEqualTo("转介 #12，转至：赵巷镇司法所；非警务警情，转司法所调解");
        assertThat(en().format("REFERRED", "referral=12 to=JO-ZHAOXIANG; 非警务警情"))
                .isEqualTo("Referral #12, To: Zhaoxiang Judicial Office; 非警务警情");
        assertThat(zh().format("REFERRAL_ACCEPTED", "referral=12 from=PS-ZHAOXIANG"))
                .isEqualTo("转介 #12，转出：赵巷派出所");
        assertThat(en().format("REFERRAL_ACCEPTED", "referral=12 from partner demo-police"))
                .isEqualTo("Referral #12, from partner demo-police");
        assertThat(zh().format("REFERRAL_REJECTED", "referral=12 from=PS-ZHAOXIANG; 不属于本所辖区"))
                .isEqualTo("转介 #12，转出：赵巷派出所；不属于本所辖区");
        assertThat(zh().format("REFERRAL_REJECTED", "referral=12 from partner demo-police; 不属于本所辖区"))
                .isEqualTo("转介 #12，来自合作方 demo-police；不属于本所辖区");
        assertThat(en().format("REFERRAL_RECALLED", "referral=12 to=JO-ZHAOXIANG"))
                .isEqualTo("Referral #12, To: Zhaoxiang Judicial Office");
        assertThat(zh().format("REFERRAL_RECALLED", "referral=12 to=JO-ZHAOXIANG; 送错了")).endsWith("；送错了");
        assertThat(en().format("REFERRAL_OVERDUE", "referral=12 to=JO-ZHAOXIANG deadline=2026-03-02T01:30Z"))
                .isEqualTo("Referral #12, To: Zhaoxiang Judicial Office, Deadline: 2 Mar 2026 09:30");
        // a JDBC timestamp's text (no offset) is not guessed at: the referral's own deadline is taken
        CaseChange overdue = LegacyDetails.change("REFERRAL_OVERDUE",
                "referral=12 to=JO-ZHAOXIANG deadline=2026-03-02 01:30:00.0", null, null,
                id -> id == 12 ? new Object[] {"PS-ZHAOXIANG", OffsetDateTime.parse("2026-03-02T01:30Z")} : null);
        assertThat(zh().words().format(overdue)).isEqualTo("转介 #12，转至：赵巷镇司法所，接收期限：2026年3月2日 09:30");
        // the demo's shorter forms
        assertThat(zh().format("REFERRED", "to JO-ZHAOXIANG")).isEqualTo("转至：赵巷镇司法所");
        assertThat(en().format("REFERRAL_ACCEPTED", "from PS-ZHAOXIANG")).isEqualTo("From: Zhaoxiang Police Station");
    }

    @Test
    void documents() {
        assertThat(zh().format("DOCUMENT_GENERATED", "agreement v1 code 3f2a9c81 (document 17)"))
                .isEqualTo("人民调解协议书 第1版，核验码 3f2a9c81（文书 17）");
        assertThat(en().format("DOCUMENT_GENERATED", "follow-up-record #4 v2 code 3f2a9c81 (document 18)"
                + " (unchanged, stored version returned)"))
                .isEqualTo("Follow-up record #4 version 2, verification code 3f2a9c81 (document 18)"
                        + " (case unchanged, stored version returned)");
        assertThat(zh().format("SIGNED_COPY_UPLOADED", "agreement v1 code 3f2a9c81 (document 17), application/pdf,"
                + " 20480 bytes, sha256 ab12cd"))
                .isEqualTo("人民调解协议书 第1版，核验码 3f2a9c81（文书 17），application/pdf，20480 字节，SHA-256 ab12cd");
        assertThat(en().format("DOCUMENT_DOWNLOADED", "case-file v3 code 00ff00ff (document 21), signed copy 5"))
                .isEqualTo("Case file cover and index version 3, verification code 00ff00ff (document 21), signed copy 5");
        assertThat(zh().format("DOCUMENT_DOWNLOADED", "brochure v1 code 1 (document 2)"))
                .isEqualTo("brochure 第1版，核验码 1（文书 2）");
    }

    @Test
    void formsNoCodeWroteAreRefusedByTheConversionNotGuessed() {
        assertThatThrownBy(() -> LegacyDetails.change("RECEIVED", "channel=POLICE_110"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyDetails.change("REFERRAL_ACCEPTED", "accepted"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyDetails.change("FOLLOW_UP_RECORDED", "method=VISIT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyDetails.change("SOMETHING_NEW", "channel=POLICE_110, type=NEIGHBOR"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyDetails.change("ADMIN_RESOLVED", "settled: by phone"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegacyDetails.change("RECEIVED", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anImportedChangeNamesItsLedgerRowAndFile() {
        CaseChange.LedgerSource source = new CaseChange.LedgerSource("0123456789abcdef0123", 7);
        HistoryWords zh = new HistoryWords(ResourceBundle.getBundle(Labels.BUNDLE, Locale.SIMPLIFIED_CHINESE),
                Locale.SIMPLIFIED_CHINESE, SHANGHAI, code -> code);
        assertThat(zh.format(new CaseChange.Accepted(null, "青赵调登〔1998〕第0001号", source)))
                .endsWith("（台账第7行，文件 SHA-256 0123456789ab…）").contains("青赵调登〔1998〕第0001号");
        assertThat(zh.format(new CaseChange.MediationStarted(source))).isEqualTo("（台账第7行，文件 SHA-256 0123456789ab…）");
        assertThat(zh.format(new CaseChange.Closed(null, source))).isEqualTo("（台账第7行，文件 SHA-256 0123456789ab…）");
        assertThat(zh.format(new CaseChange.Closed("归档", source))).isEqualTo("归档 （台账第7行，文件 SHA-256 0123456789ab…）");
    }

    @Test
    void aPastCaseRegisteredThroughTheApiIsShownAsBackfilled() {
        CaseChange.LedgerSource source = CaseChange.LedgerSource.apiRequest("fedcba9876543210fedc");
        HistoryWords zh = new HistoryWords(ResourceBundle.getBundle(Labels.BUNDLE, Locale.SIMPLIFIED_CHINESE),
                Locale.SIMPLIFIED_CHINESE, SHANGHAI, code -> code);
        HistoryWords en = new HistoryWords(ResourceBundle.getBundle(Labels.BUNDLE, Locale.ENGLISH),
                Locale.ENGLISH, SHANGHAI, code -> code);
        CaseChange received = new CaseChange.Received(org.trilink.cases.entity.Channel.WALK_IN,
                org.trilink.cases.entity.DisputeType.NEIGHBOR, null, true, source);
        assertThat(zh.format(received)).endsWith("（补录：经接口登记，请求 SHA-256 fedcba987654…）")
                .doesNotContain("台账");
        assertThat(en.format(received)).endsWith("(entered after the fact (补录) through the API, request SHA-256"
                + " fedcba987654…)").doesNotContain("from the ledger");
        assertThat(zh.format(new CaseChange.Accepted(null, "青赵调登〔2023〕第0003号", source)))
                .contains("青赵调登〔2023〕第0003号").endsWith("（补录：经接口登记，请求 SHA-256 fedcba987654…）");
    }

    @Test
    void aFailingOfficeLookupLeavesTheApiWordsRatherThanBreakingThePage() {
        HistoryWords failing = new HistoryWords(ResourceBundle.getBundle(Labels.BUNDLE, Locale.ENGLISH),
                Locale.ENGLISH, SHANGHAI, code -> {
                    throw new IllegalStateException("no catalogue");
                });
        assertThat(failing.format(new CaseChange.Joined("JO-ZHAOXIANG", "note"))).isEqualTo("JO-ZHAOXIANG: note");
        assertThat(failing.format(new CaseChange.MediationStarted())).isEmpty();
    }

    static String zhText(String key) {
        return ResourceBundle.getBundle(Labels.BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(key);
    }
}
