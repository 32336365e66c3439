package org.trilink.documents.control;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The Chinese words printed for the system's codes, and the way dates and money are written. */
final class Labels {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private static final Map<String, String> DISPUTE_TYPES = Map.ofEntries(
            Map.entry("MARRIAGE_FAMILY", "婚姻家庭"), Map.entry("NEIGHBOR", "邻里"),
            Map.entry("HOUSING_HOMESTEAD", "房屋宅基地"), Map.entry("CONTRACT", "合同"),
            Map.entry("BUSINESS", "生产经营"), Map.entry("DAMAGES", "损害赔偿"),
            Map.entry("LAND_FOREST", "山林土地"), Map.entry("REQUISITION_DEMOLITION", "征地拆迁"),
            Map.entry("ENVIRONMENT", "环境污染"), Map.entry("LABOR", "劳动争议"),
            Map.entry("CONSUMER", "消费"), Map.entry("MEDICAL", "医疗"), Map.entry("TRAFFIC", "道路交通事故"),
            Map.entry("PROPERTY_MANAGEMENT", "物业"), Map.entry("OTHER", "其他"));

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("APPLICANT", "申请人"), Map.entry("RESPONDENT", "被申请人"),
            Map.entry("VISIT", "上门回访"), Map.entry("PHONE", "电话回访"), Map.entry("ONLINE", "线上回访"),
            Map.entry("PERFORMED", "已履行"), Map.entry("PARTLY", "部分履行"), Map.entry("NOT_PERFORMED", "未履行"),
            Map.entry("PENDING", "待接收"), Map.entry("ACCEPTED", "已接收"), Map.entry("REJECTED", "已退回"),
            Map.entry("RECALLED", "已撤回"),
            Map.entry("PEOPLES_MEDIATOR", "人民调解员"), Map.entry("LAWYER", "律师调解员"),
            Map.entry("POLICE_OFFICER", "民警"),
            Map.entry("LOW", "低"), Map.entry("MEDIUM", "中"), Map.entry("HIGH", "高"),
            Map.entry("SUCCESS", "调解成功"), Map.entry("FAILURE", "调解不成"), Map.entry("WITHDRAWN", "撤回申请"),
            Map.entry("WRITTEN", "书面协议"), Map.entry("ORAL", "口头协议"),
            Map.entry("HELD", "已举行"), Map.entry("SCHEDULED", "已安排"), Map.entry("CANCELLED", "已取消"));

    private Labels() {
    }

    static String disputeType(Enum<?> type) {
        return DISPUTE_TYPES.getOrDefault(type.name(), type.name());
    }

    static String word(Object code) {
        if (code == null) {
            return null;
        }
        String key = code instanceof Enum<?> e ? e.name() : code.toString();
        return WORDS.getOrDefault(key, key);
    }

    static String date(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).format(DATE);
    }

    static String date(LocalDate d) {
        return d == null ? null : d.format(DATE);
    }

    static String dateTime(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).format(DATE_TIME);
    }

    /** 人民币12,000.00元（大写：壹万贰仟元整） */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "人民币" + f.format(amount) + "元（大写：" + capitals(amount) + "）";
    }

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    /** The amount in the capital numerals used on financial papers, so that it cannot be altered. */
    static String capitals(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, java.math.RoundingMode.HALF_UP);
        long yuan = a.longValue();
        int cents = a.subtract(BigDecimal.valueOf(yuan)).movePointRight(2).intValue();
        StringBuilder out = new StringBuilder();
        if (yuan == 0) {
            out.append(cents == 0 ? "零元" : "");
        } else {
            String digits = Long.toString(yuan);
            int len = digits.length();
            boolean zero = false;
            for (int i = 0; i < len; i++) {
                int d = digits.charAt(i) - '0';
                int pos = len - 1 - i;
                if (d == 0) {
                    zero = true;
                } else {
                    if (zero) {
                        out.append('零');
                        zero = false;
                    }
                    out.append(DIGITS.charAt(d)).append(UNITS[pos % 4]);
                }
                if (pos % 4 == 0 && pos > 0) {
                    // the group's name once, when the group has any digit
                    int from = Math.max(0, i - 3);
                    if (!digits.substring(from, i + 1).chars().allMatch(ch -> ch == '0')) {
                        out.append(GROUPS[pos / 4]);
                    }
                }
            }
            out.append('元');
        }
        if (cents == 0) {
            out.append('整');
        } else {
            int jiao = cents / 10;
            int fen = cents % 10;
            if (jiao > 0) {
                out.append(DIGITS.charAt(jiao)).append('角');
            } else if (yuan > 0) {
                out.append('零');
            }
            if (fen > 0) {
                out.append(DIGITS.charAt(fen)).append('分');
            } else {
                out.append('整');
            }
        }
        return out.toString();
    }
}
