package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A ledger's own headers and words, as the offices write them, read as the import's keys and codes. */
class LedgerColumnsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void chineseHeadersAndTheirSynonymsNameTheImportsKeys() {
        assertThat(LedgerColumns.key("序号")).isEqualTo("ledgerId");
        assertThat(LedgerColumns.key("编号")).isEqualTo("ledgerId");
        assertThat(LedgerColumns.key("收案日期")).isEqualTo("receivedAt");
        assertThat(LedgerColumns.key("登记日期")).isEqualTo("receivedAt");
        assertThat(LedgerColumns.key(" 受理日期 ")).isEqualTo("acceptedAt");
        assertThat(LedgerColumns.key("纠纷简要情况（必填）")).isEqualTo("summary");
        assertThat(LedgerColumns.key("案情")).isEqualTo("summary");
        assertThat(LedgerColumns.key("所属街镇")).isEqualTo("regionCode");
        assertThat(LedgerColumns.key("镇")).isEqualTo("regionCode");
        assertThat(LedgerColumns.key("涉及金额（元）")).isEqualTo("amountInvolved");
        assertThat(LedgerColumns.key("涉及人数")).isEqualTo("peopleInvolved");
        assertThat(LedgerColumns.key("申请人")).isEqualTo("applicantName");
        assertThat(LedgerColumns.key("申请人身份证号")).isEqualTo("applicantIdNumber");
        assertThat(LedgerColumns.key("申请人电话")).isEqualTo("applicantPhone");
        assertThat(LedgerColumns.key("被申请人")).isEqualTo("respondentName");
        assertThat(LedgerColumns.key("调解结果")).isEqualTo("outcome");
        assertThat(LedgerColumns.key("协议形式")).isEqualTo("agreementForm");
        assertThat(LedgerColumns.key("调解日期")).isEqualTo("concludedAt");
        assertThat(LedgerColumns.key("结案日期(必填)")).isEqualTo("concludedAt");
        assertThat(LedgerColumns.key("纠 纷 类 型")).isEqualTo("disputeType");
        assertThat(LedgerColumns.key("*地址")).isEqualTo("address");
    }

    @Test
    void englishKeysStayAcceptedAndUnknownHeadersPassThrough() {
        assertThat(LedgerColumns.key("ledgerId")).isEqualTo("ledgerId");
        assertThat(LedgerColumns.key("RECEIVEDAT")).isEqualTo("receivedAt");
        assertThat(LedgerColumns.key("\uFEFFledgerId")).isEqualTo("ledgerId");
        assertThat(LedgerColumns.key("备注")).isEqualTo("备注");
    }

    @Test
    void valuesMayBeChineseWordsOrCodes() {
        assertThat(LedgerValues.code("disputeType", "邻里纠纷")).isEqualTo("NEIGHBOR");
        assertThat(LedgerValues.code("disputeType", "邻里")).isEqualTo("NEIGHBOR");
        assertThat(LedgerValues.code("disputeType", "婚姻家庭纠纷")).isEqualTo("MARRIAGE_FAMILY");
        assertThat(LedgerValues.code("disputeType", "劳动争议")).isEqualTo("LABOR");
        assertThat(LedgerValues.code("disputeType", "其他纠纷")).isEqualTo("OTHER");
        assertThat(LedgerValues.code("disputeType", "neighbor")).isEqualTo("NEIGHBOR");
        assertThat(LedgerValues.code("outcome", "调解成功")).isEqualTo("SUCCESS");
        assertThat(LedgerValues.code("outcome", "调解不成功")).isEqualTo("FAILURE");
        assertThat(LedgerValues.code("outcome", "撤回")).isEqualTo("WITHDRAWN");
        assertThat(LedgerValues.code("outcome", "SUCCESS")).isEqualTo("SUCCESS");
        assertThat(LedgerValues.code("agreementForm", "书面协议")).isEqualTo("WRITTEN");
        assertThat(LedgerValues.code("agreementForm", "口头协议")).isEqualTo("ORAL");
        assertThat(LedgerValues.code("riskLevel", "高")).isEqualTo("HIGH");
        assertThat(LedgerValues.code("respondentKind", "单位")).isEqualTo("ORGANISATION");
        assertThat(LedgerValues.code("channel", "12345工单")).isEqualTo("HOTLINE_12345");
        // an unknown word comes back unchanged, for the row check to name it
        assertThat(LedgerValues.code("disputeType", "天上掉馅饼")).isEqualTo("天上掉馅饼");
        assertThat(LedgerValues.code("summary", "邻里纠纷")).isEqualTo("邻里纠纷");
    }

    @Test
    void anAdministrativeRegistersColumnsAndWordsAreRead() {
        assertThat(LedgerColumns.key("事项类型")).isEqualTo("matterKind");
        assertThat(LedgerColumns.key("案件种类")).isEqualTo("matterKind");
        assertThat(LedgerColumns.key("立案日期")).isEqualTo("filedAt");
        assertThat(LedgerColumns.key("办理结果")).isEqualTo("adminResolution");
        assertThat(LedgerColumns.key("化解方式")).isEqualTo("adminResolution");
        assertThat(LedgerColumns.key("办结日期")).isEqualTo("concludedAt");
        assertThat(LedgerValues.code("matterKind", "行政争议")).isEqualTo("ADMINISTRATIVE");
        assertThat(LedgerValues.code("matterKind", "行政复议")).isEqualTo("ADMINISTRATIVE");
        assertThat(LedgerValues.code("matterKind", "人民调解")).isEqualTo("PEOPLES_MEDIATION");
        assertThat(LedgerValues.code("matterKind", "administrative")).isEqualTo("ADMINISTRATIVE");
        assertThat(LedgerValues.code("adminResolution", "立案前化解")).isEqualTo("RESOLVED_BEFORE_FILING");
        assertThat(LedgerValues.code("adminResolution", "案中调解")).isEqualTo("MEDIATED");
        assertThat(LedgerValues.code("adminResolution", "调解")).isEqualTo("MEDIATED");
        assertThat(LedgerValues.code("adminResolution", "撤回申请")).isEqualTo("WITHDRAWN");
        assertThat(LedgerValues.code("adminResolution", "维持")).isEqualTo("UPHELD");
        assertThat(LedgerValues.code("adminResolution", "撤销")).isEqualTo("CORRECTED");
        assertThat(LedgerValues.code("adminResolution", "纠错")).isEqualTo("CORRECTED");
        assertThat(LedgerValues.code("channel", "来访")).isEqualTo("WALK_IN");
        assertThat(LedgerValues.code("channel", "110")).isEqualTo("POLICE_110");
        assertThat(LedgerValues.code("channel", "诉前委派")).isEqualTo("COURT_REFERRAL");
    }

    @Test
    void theFactsOfAnAgreementAndItsFollowUpVisitsAreRead() {
        assertThat(LedgerColumns.key("协议内容")).isEqualTo("agreementTerms");
        assertThat(LedgerColumns.key("协议金额（元）")).isEqualTo("agreementAmount");
        assertThat(LedgerColumns.key("履行期限")).isEqualTo("performanceDeadline");
        assertThat(LedgerColumns.key("防止民转刑")).isEqualTo("criminalCaseAverted");
        assertThat(LedgerColumns.key("防止群体性上访")).isEqualTo("massPetitionAverted");
        assertThat(LedgerColumns.key("风险等级")).isEqualTo("riskLevel");
        assertThat(LedgerColumns.key("归档日期")).isEqualTo("closedAt");
        assertThat(LedgerColumns.key("受理日期")).isEqualTo("acceptedAt");
        assertThat(LedgerColumns.key("收案日期")).isEqualTo("receivedAt");
        // the first visit's columns, then the same numbered for the next ones
        assertThat(LedgerColumns.key("调解员")).isEqualTo("mediators");
        assertThat(LedgerColumns.key("转出单位")).isEqualTo("referralFrom");
        assertThat(LedgerColumns.key("转介单位")).isEqualTo("referralTo");
        assertThat(LedgerColumns.key("转介日期")).isEqualTo("referredAt");
        assertThat(LedgerColumns.key("接收日期")).isEqualTo("referralDecidedAt");
        assertThat(LedgerValues.code("referralDecision", "已接收")).isEqualTo("ACCEPTED");
        assertThat(LedgerValues.code("referralDecision", "退回")).isEqualTo("REJECTED");
        assertThat(LedgerValues.code("referralDecision", "待接收")).isEqualTo("PENDING");
        assertThat(LedgerColumns.key("承办单位")).isEqualTo("handlingOffice");
        assertThat(LedgerColumns.key("回访日期")).isEqualTo("followUpAt");
        assertThat(LedgerColumns.key("回访方式")).isEqualTo("followUpMethod");
        assertThat(LedgerColumns.key("履行情况")).isEqualTo("followUpPerformance");
        assertThat(LedgerColumns.key("满意度")).isEqualTo("followUpSatisfaction");
        assertThat(LedgerColumns.key("回访日期2")).isEqualTo("followUpAt2");
        assertThat(LedgerColumns.key("回访方式 3")).isEqualTo("followUpMethod3");
        assertThat(LedgerColumns.key("履行情况（2）")).isEqualTo("followUpPerformance");
        assertThat(LedgerColumns.key("followUpAt2")).isEqualTo("followUpAt2");
        // only the visit's columns repeat: another numbered header is not a column
        assertThat(LedgerColumns.key("申请人2")).isEqualTo("申请人2");
        assertThat(LedgerValues.code("followUpMethod", "电话回访")).isEqualTo("PHONE");
        assertThat(LedgerValues.code("followUpMethod", "上门")).isEqualTo("VISIT");
        assertThat(LedgerValues.code("followUpPerformance", "已履行")).isEqualTo("PERFORMED");
        assertThat(LedgerValues.code("followUpPerformance", "部分履行")).isEqualTo("PARTLY");
        assertThat(LedgerValues.code("followUpPerformance", "未履行")).isEqualTo("NOT_PERFORMED");
        assertThat(LedgerValues.yes("是")).isTrue();
        assertThat(LedgerValues.yes("√")).isTrue();
        assertThat(LedgerValues.yes("否")).isFalse();
        assertThat(LedgerValues.yes("也许")).isNull();
        assertThat(LedgerValues.satisfaction("满意")).isEqualTo(5);
        assertThat(LedgerValues.satisfaction("基本满意")).isEqualTo(3);
        assertThat(LedgerValues.satisfaction("不满意")).isEqualTo(1);
        assertThat(LedgerValues.satisfaction("4")).isEqualTo(4);
        assertThat(LedgerValues.satisfaction("9")).isNull();
    }

    @Test
    void datesAsSpreadsheetsHoldThem() {
        OffsetDateTime march5 = OffsetDateTime.parse("2024-03-05T00:00+08:00");
        assertThat(LedgerValues.date("2024-03-05", SHANGHAI)).contains(march5);
        assertThat(LedgerValues.date("2024/3/5", SHANGHAI)).contains(march5);
        assertThat(LedgerValues.date("2024年3月5日", SHANGHAI)).contains(march5);
        assertThat(LedgerValues.date("2024.03.05", SHANGHAI)).contains(march5);
        assertThat(LedgerValues.date("２０２４年３月５日", SHANGHAI)).contains(march5);
        assertThat(LedgerValues.date("2024-03-05 14:30", SHANGHAI))
                .contains(OffsetDateTime.parse("2024-03-05T14:30+08:00"));
        assertThat(LedgerValues.date("2024-03-05T14:30+08:00", SHANGHAI))
                .contains(OffsetDateTime.parse("2024-03-05T14:30+08:00"));
        assertThat(LedgerValues.date("2024-13-01", SHANGHAI)).isEmpty();
        assertThat(LedgerValues.date("2024-02-30", SHANGHAI)).isEmpty();
        assertThat(LedgerValues.date("去年春天", SHANGHAI)).isEmpty();
    }
}
