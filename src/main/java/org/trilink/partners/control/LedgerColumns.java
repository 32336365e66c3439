package org.trilink.partners.control;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ledger's column headers as the offices write them (序号, 受理日期, 纠纷类型 …) mapped to the
 * import's keys ({@code ledgerId}, {@code receivedAt}, {@code disputeType} …). The English keys
 * stay accepted. A header is compared without blanks, with full-width characters made
 * half-width, and without a trailing note in brackets such as "（必填）" or "(元)".
 */
public final class LedgerColumns {

    /** The import's keys, each with the headers ledgers are seen to use for it. */
    static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("ledgerId", List.of("序号", "编号", "台账编号", "案件编号", "登记编号", "登记号", "案号")),
            Map.entry("matterKind", List.of("事项类型", "事项种类", "案件种类", "案件类别", "事项类别")),
            // 受理 is acceptance; a ledger with no date of receipt was received when it was accepted
            Map.entry("acceptedAt", List.of("受理日期", "受理时间", "受理日")),
            Map.entry("closedAt", List.of("归档日期", "结案归档日期", "归档时间", "销案日期")),
            Map.entry("receivedAt", List.of("收案日期", "登记日期", "收案时间", "登记时间", "申请日期", "收件日期")),
            Map.entry("disputeType", List.of("纠纷类型", "纠纷类别", "案件类型", "矛盾类型")),
            Map.entry("summary", List.of("纠纷简要情况", "简要情况", "摘要", "案情", "案情摘要", "纠纷摘要", "基本案情",
                    "纠纷情况")),
            Map.entry("regionCode", List.of("所属街镇", "街镇", "镇", "所属镇", "所属街道", "街道", "镇街", "所属地区",
                    "区域", "地区")),
            Map.entry("address", List.of("地址", "纠纷地址", "发生地址", "发生地点")),
            Map.entry("amountInvolved", List.of("涉及金额", "涉案金额", "争议金额", "标的额", "金额")),
            Map.entry("peopleInvolved", List.of("涉及人数", "涉案人数", "当事人人数", "人数")),
            Map.entry("riskLevel", List.of("风险等级", "风险")),
            Map.entry("channel", List.of("来源", "案件来源", "纠纷来源", "受理渠道", "渠道")),
            Map.entry("applicantName", List.of("申请人", "申请人姓名", "申请人名称", "当事人", "当事人甲")),
            Map.entry("applicantIdNumber", List.of("申请人身份证号", "申请人身份证号码", "申请人证件号码",
                    "申请人证件号", "申请人身份证")),
            Map.entry("applicantPhone", List.of("申请人电话", "申请人联系电话", "申请人手机", "申请人手机号",
                    "联系电话")),
            Map.entry("respondentName", List.of("被申请人", "被申请人姓名", "被申请人名称", "当事人乙")),
            Map.entry("respondentKind", List.of("被申请人类型", "被申请人类别", "被申请人性质")),
            Map.entry("outcome", List.of("调解结果", "调处结果", "结果", "调解情况")),
            Map.entry("agreementForm", List.of("协议形式", "协议类型", "协议方式")),
            Map.entry("concludedAt", List.of("结案日期", "调解日期", "调结日期", "办结日期", "结案时间", "调解时间",
                    "化解日期")),
            Map.entry("filedAt", List.of("立案日期", "立案时间")),
            Map.entry("handlingOffice", List.of("办理单位", "承办单位", "承办机构", "办理机构", "调解组织", "受理单位")),
            // a referral: from (the office that received the case), to, sent, decided, decision; further
            // ones of a chain are the same columns numbered: 转介单位2, 转介日期2 ...
            Map.entry("referralFrom", List.of("转出单位", "来源单位", "移送单位", "转介来源")),
            Map.entry("referralTo", List.of("转介单位", "转至单位", "转入单位", "转介至", "移交至", "接收单位")),
            Map.entry("referredAt", List.of("转介日期", "转介时间", "移交日期", "移送日期")),
            Map.entry("referralDecision", List.of("转介结果", "接收情况", "转介状态")),
            Map.entry("referralDecidedAt", List.of("接收日期", "转介处理日期", "退回日期")),
            Map.entry("referralReason", List.of("转介原因", "转介理由", "移交原因")),
            Map.entry("referralRejection", List.of("退回原因", "拒收原因", "不予接收原因")),
            Map.entry("mediators", List.of("调解员", "调解人员", "承办人", "主办调解员", "调解人")),
            Map.entry("agreementTerms", List.of("协议内容", "协议主要内容", "协议事项", "调解协议内容")),
            Map.entry("agreementAmount", List.of("协议金额", "协议涉及金额", "协议标的额", "调解金额")),
            Map.entry("performanceDeadline", List.of("履行期限", "履行截止日期", "约定履行日期", "履行日期")),
            Map.entry("criminalCaseAverted", List.of("防止民转刑", "防止民转刑案件", "民转刑", "防止民间纠纷转化为刑事案件")),
            Map.entry("massPetitionAverted", List.of("防止群体性上访", "防止群访", "群体性上访", "防止群体性上访事件")),
            // a follow-up visit; several are columns repeated with a number: 回访日期2, 回访方式2 ...
            Map.entry("followUpAt", List.of("回访日期", "回访时间")),
            Map.entry("followUpMethod", List.of("回访方式", "回访形式")),
            Map.entry("followUpPerformance", List.of("履行情况", "协议履行情况", "回访履行情况")),
            Map.entry("followUpSatisfaction", List.of("满意度", "回访满意度", "当事人满意度")),
            Map.entry("adminResolution", List.of("办理结果", "处理结果", "化解方式", "结案方式", "审理结果")));

    // a note at the end in brackets, "（必填）", "(元)", "【选填】"; full-width brackets are already half-width
    private static final Pattern TRAILING_NOTE = Pattern.compile("[(\\[【][^()\\[\\]【】]*[)\\]】]$");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF*＊]+");

    private static final Map<String, String> BY_HEADER = new HashMap<>();

    private static final Pattern NUMBERED = Pattern.compile("(.+?)[-_]?(\\d{1,2})");

    /** The keys whose columns repeat with a number: a follow-up visit's and a referral's. */
    static boolean numbered(String key) {
        return key.startsWith("followUp") || key.startsWith("referral") || "referredAt".equals(key);
    }

    static {
        SYNONYMS.forEach((key, headers) -> {
            put(key, key);
            headers.forEach(h -> put(h, key));
        });
    }

    private static void put(String header, String key) {
        String previous = BY_HEADER.put(normal(header), key);
        if (previous != null && !previous.equals(key)) {
            throw new IllegalStateException("header " + header + " names both " + previous + " and " + key);
        }
    }

    private LedgerColumns() {
    }

    /** The import's key for a header, or the header itself (stripped) when it is not a known column. */
    public static String key(String header) {
        if (header == null) {
            return "";
        }
        String normal = normal(header);
        String key = BY_HEADER.get(normal);
        if (key == null) {
            // 回访日期2, followUpAt3, 转介单位2: the n-th follow-up visit's or referral's columns
            Matcher numbered = NUMBERED.matcher(normal);
            if (numbered.matches() && numbered(BY_HEADER.getOrDefault(numbered.group(1), ""))) {
                return BY_HEADER.get(numbered.group(1)) + numbered.group(2);
            }
        }
        return key != null ? key : header.strip();
    }

    /** A header as compared: half-width (NFKC), no blanks or asterisks, no trailing note, lower case. */
    static String normal(String header) {
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC);
        h = BLANKS.matcher(h).replaceAll("");
        String before;
        do {
            before = h;
            h = TRAILING_NOTE.matcher(h).replaceAll("");
        } while (!h.equals(before) && !h.isEmpty());
        if (h.endsWith(":")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
