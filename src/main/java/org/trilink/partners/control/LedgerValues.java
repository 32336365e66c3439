package org.trilink.partners.control;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.platform.faces.Labels;

/**
 * A ledger's values as staff write them: a code ({@code NEIGHBOR}) or its Chinese or English
 * label as the portal shows it (邻里, 邻里纠纷, 调解成功), read from the portal's bundles so
 * that there is one list of words; and dates as spreadsheets hold them (2024-03-05, 2024/3/5,
 * 2024年3月5日, 2024.3.5, with or without a time).
 */
public final class LedgerValues {

    /** Before the tables below: their words are read through {@link #normal}. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    /** The coded columns and the bundle prefix ({@code DisputeType.NEIGHBOR=邻里}) of their words. */
    private static final Map<String, String> PREFIX = Map.ofEntries(Map.entry("disputeType", "DisputeType"),
            Map.entry("outcome", "Outcome"), Map.entry("agreementForm", "AgreementForm"),
            Map.entry("channel", "Channel"), Map.entry("riskLevel", "RiskLevel"),
            Map.entry("respondentKind", "PartyKind"), Map.entry("matterKind", "MatterKind"),
            Map.entry("adminResolution", "AdminResolution"), Map.entry("followUpMethod", "FollowUpMethod"),
            Map.entry("followUpPerformance", "Performance"), Map.entry("referralDecision", "ReferralStatus"));

    /** Words seen in ledgers that the portal does not show. */
    private static final Map<String, List<String>> MORE = Map.ofEntries(
            Map.entry("MatterKind.PEOPLES_MEDIATION", List.of("民间纠纷", "人民调解案件", "调解")),
            Map.entry("MatterKind.ADMINISTRATIVE", List.of("行政复议", "行政", "行政争议案件", "行政复议案件")),
            Map.entry("AdminResolution.RESOLVED_BEFORE_FILING", List.of("立案前调解", "化解", "立案前化解成功")),
            Map.entry("AdminResolution.MEDIATED", List.of("调解", "调解结案", "和解", "案中和解")),
            Map.entry("AdminResolution.WITHDRAWN", List.of("撤回", "撤回申请", "申请人撤回", "撤诉")),
            Map.entry("AdminResolution.UPHELD", List.of("维持原行政行为", "决定维持", "驳回")),
            Map.entry("AdminResolution.CORRECTED", List.of("撤销", "变更", "确认违法", "责令履行", "撤销或变更")),
            Map.entry("Channel.POLICE_110", List.of("110", "110警情", "派出所移交", "公安移交")),
            Map.entry("Channel.HOTLINE_12345", List.of("12345", "市民热线", "热线")),
            Map.entry("Channel.COURT_REFERRAL", List.of("法院委派", "诉前委派", "法院")),
            Map.entry("Channel.GRID_SCREENING", List.of("排查", "网格", "主动排查")),
            Map.entry("Channel.ONLINE", List.of("网上", "线上")),
            Map.entry("Channel.WALK_IN", List.of("当事人申请", "上门", "申请")),
            Map.entry("DisputeType.OTHER", List.of("其他")),
            Map.entry("ReferralStatus.ACCEPTED", List.of("接收", "接受", "已接受", "同意接收")),
            Map.entry("ReferralStatus.REJECTED", List.of("退回", "拒收", "不予接收", "拒绝")),
            Map.entry("ReferralStatus.RECALLED", List.of("撤回", "收回")),
            Map.entry("ReferralStatus.PENDING", List.of("待处理", "未接收", "未处理")),
            Map.entry("FollowUpMethod.VISIT", List.of("上门回访", "走访", "当面", "当面回访", "实地")),
            Map.entry("FollowUpMethod.PHONE", List.of("电话回访", "电访")),
            Map.entry("FollowUpMethod.ONLINE", List.of("网上回访", "微信", "短信", "线上")),
            Map.entry("Performance.PERFORMED", List.of("履行完毕", "已履行完毕", "全部履行", "已全部履行", "履行")),
            Map.entry("Performance.PARTLY", List.of("部分", "正在履行", "履行中")),
            Map.entry("Performance.NOT_PERFORMED", List.of("不履行", "未履行完毕", "拒不履行")),
            Map.entry("Outcome.SUCCESS", List.of("成功", "调解成功", "达成协议", "已调解成功")),
            Map.entry("Outcome.FAILURE", List.of("不成功", "调解不成", "调解失败", "失败", "终止调解", "未达成协议")),
            Map.entry("Outcome.WITHDRAWN", List.of("撤回申请", "申请撤回", "撤诉")),
            Map.entry("AgreementForm.WRITTEN", List.of("书面")),
            Map.entry("AgreementForm.ORAL", List.of("口头")),
            Map.entry("PartyKind.ORGANISATION", List.of("企业", "公司", "法人", "组织", "单位")),
            Map.entry("PartyKind.PERSON", List.of("个人")));

    private static final Map<String, Map<String, String>> CODES = new HashMap<>();

    static {
        for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH, Locale.CHINESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle(Labels.BUNDLE, locale);
            for (String key : bundle.keySet()) {
                int dot = key.indexOf('.');
                if (dot > 0 && PREFIX.containsValue(key.substring(0, dot))) {
                    add(key, bundle.getString(key));
                }
            }
        }
        MORE.forEach((key, words) -> words.forEach(w -> add(key, w)));
    }

    private static void add(String key, String word) {
        int dot = key.indexOf('.');
        CODES.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>()).put(normal(word), key.substring(dot + 1));
    }

    private LedgerValues() {
    }

    /**
     * The code a coded column's value stands for: the code itself (any case), or a label; a
     * dispute type may carry "纠纷" or "类" after it (邻里纠纷). An unknown word comes back as it
     * was, for the row's checks to refuse by name.
     */
    public static String code(String column, String value) {
        if (value == null || value.isBlank() || !PREFIX.containsKey(column)) {
            return value;
        }
        Map<String, String> words = CODES.getOrDefault(PREFIX.get(column), Map.of());
        String v = normal(value);
        String code = words.get(v);
        if (code == null && "disputeType".equals(column)) {
            for (String suffix : List.of("纠纷", "类纠纷", "类", "矛盾")) {
                if (code == null && v.endsWith(suffix)) {
                    code = words.get(v.substring(0, v.length() - suffix.length()));
                }
            }
        }
        if (code != null) {
            return code;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return words.containsValue(upper) ? upper : value.strip();
    }

    /** A yes/no cell as ledgers tick it (是, √, 1, Y, true); null for a blank or unknown word. */
    public static Boolean yes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = normal(value);
        if (List.of("是", "√", "✓", "✔", "1", "y", "yes", "true", "有").contains(v)) {
            return Boolean.TRUE;
        }
        if (List.of("否", "×", "✗", "0", "n", "no", "false", "无", "-").contains(v)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Satisfaction 1 to 5 as a number or as ledgers word it (满意 5, 基本满意 3, 不满意 1); null if neither. */
    public static Integer satisfaction(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = normal(value).replace("分", "");
        return switch (v) {
            case "非常满意", "很满意", "满意" -> 5;
            case "比较满意", "较满意" -> 4;
            case "基本满意", "一般" -> 3;
            case "不太满意", "较不满意" -> 2;
            case "不满意", "很不满意", "非常不满意" -> 1;
            default -> {
                try {
                    int n = Integer.parseInt(v);
                    yield n >= 1 && n <= 5 ? n : null;
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }

    private static String normal(String word) {
        return SPACES.matcher(Normalizer.normalize(word, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "(?:[\\sT]+(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2}))?秒?)?");

    /**
     * A date or date-time of the ledger at the district's zone: a date alone is the start of
     * its day; an ISO date-time with an offset is taken as written. Empty when it is no date.
     */
    public static Optional<OffsetDateTime> date(String value, ZoneId zone) {
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        Matcher m = DATE.matcher(v);
        try {
            if (m.matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalDateTime at = m.group(4) == null ? day.atStartOfDay()
                        : day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return Optional.of(at.atZone(zone).toOffsetDateTime());
            }
            return Optional.of(OffsetDateTime.parse(v));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
