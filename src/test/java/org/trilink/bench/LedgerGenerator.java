package org.trilink.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * Writes a realistic ledger (台账) of one judicial office for the ledger benchmark (issue 21):
 * people's mediation and administrative matters in one register, with the Chinese headers and
 * value labels offices use (see LedgerColumns and LedgerValues), rows in order of receipt over
 * several years. Mix: most cases closed with an outcome (successes with written or oral
 * agreements, amounts, deadlines and one or two follow-up visits; failures; withdrawals), some
 * still open (accepted, or only received), referrals in from the town's police station and out
 * to a law firm (pending or sent back), administrative matters filed and resolved in the five
 * ways. Parties have names, and often valid resident ID numbers and mobile numbers. The 编号 is
 * the office's register number (青赵调登〔2019〕第0123号), one series for both kinds of matter, so
 * that the office's counter is carried on after it. (Administrative rows numbered apart, e.g.
 * 行调2019-0001, take the office's next register number when filed, which collides with the
 * ledger's own numbers further down the file: 65 of 1,000 rows were refused that way.)
 * Not a test.
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.trilink.bench.LedgerGenerator \
 *   ROWS OFFICE FIRST_YEAR LAST_YEAR OUT_BASE [csv,xlsx]   # writes OUT_BASE.csv (UTF-8) and/or OUT_BASE.xlsx</pre>
 * OFFICE is JO-ZHAOXIANG (mediators {@code mediator}, {@code head}), JO-XUJING ({@code mediator2})
 * or any judicial office of the demo district (no mediators named).
 */
public final class LedgerGenerator {

    static final String[] HEADER = {"编号", "事项类型", "收案日期", "受理日期", "立案日期", "来源", "纠纷类型",
            "纠纷简要情况", "所属街镇", "地址", "涉及金额", "涉及人数", "风险等级", "申请人", "申请人身份证号", "申请人电话",
            "被申请人", "被申请人类型", "转出单位", "转介单位", "转介日期", "转介结果", "接收日期", "退回原因", "调解员",
            "调解结果", "协议形式", "协议内容", "协议金额", "履行期限", "防止民转刑", "防止群体性上访", "结案日期",
            "办理结果", "回访日期", "回访方式", "履行情况", "满意度", "回访日期2", "回访方式2", "履行情况2", "满意度2",
            "归档日期"};

    /** The columns that hold dates: date cells in the .xlsx, as Excel saves a ledger typed by hand. */
    static final Set<String> DATES = Set.of("收案日期", "受理日期", "立案日期", "转介日期", "接收日期", "履行期限",
            "结案日期", "回访日期", "回访日期2", "归档日期");

    record Office(String code, String prefix, String town, String police, String[] mediators) {
    }

    static Office office(String code) {
        return switch (code) {
            case "JO-ZHAOXIANG" -> new Office(code, "青赵调登", "赵巷镇", "赵巷派出所", new String[] {"mediator", "head"});
            case "JO-XUJING" -> new Office(code, "青徐调登", "徐泾镇", "徐泾派出所", new String[] {"mediator2"});
            case "JO-HUAXIN" -> new Office(code, "青华调登", "华新镇", "华新派出所", new String[0]);
            case "JO-BAIHE" -> new Office(code, "青白调登", "白鹤镇", "白鹤派出所", new String[0]);
            default -> throw new IllegalArgumentException("no generator settings for office " + code);
        };
    }

    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强晓东"
            + "海燕雪梅春梅红梅玉兰凤英文华国强金凤桂芳丽娟子涵浩然宇轩雨桐欣怡梓萱一诺佳怡思远俊杰").split("");
    private static final String[] COMPANIES = {"上海青浦某物业管理有限公司", "上海某建筑工程有限公司", "某餐饮管理有限公司",
            "上海某汽车销售服务有限公司", "某房地产开发有限公司", "上海某服装有限公司", "某物流有限公司", "某装饰工程有限公司"};
    private static final String[] ROADS = {"青赵公路", "沪青平公路", "盈港东路", "崧泽大道", "华徐公路", "外青松公路",
            "嘉松中路", "徐泾北路", "赵重公路", "业辉路"};
    private static final String[][] DISPUTES = {
            {"邻里纠纷", "楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执"},
            {"邻里纠纷", "因楼道堆放杂物及噪音问题多次发生口角"},
            {"婚姻家庭", "夫妻因抚养费及财产分割产生矛盾"},
            {"婚姻家庭", "兄弟姐妹之间因赡养老人问题发生纠纷"},
            {"房屋宅基地", "因宅基地界址不清，双方对围墙位置存在争议"},
            {"合同纠纷", "装修合同履行中工期延误，业主要求退还部分款项"},
            {"劳动争议", "务工人员要求支付拖欠工资及经济补偿"},
            {"损害赔偿", "电动自行车碰擦致人轻微受伤，双方就医药费赔偿协商未果"},
            {"道路交通事故", "机动车追尾事故，双方就车辆维修及误工费赔偿发生争议"},
            {"物业", "业主对物业费收取标准有异议，拒缴物业费"},
            {"消费", "消费者购买的家电存在质量问题，要求退货退款"},
            {"医疗", "患者家属对诊疗过程存在异议，要求医院赔偿"},
            {"生产经营", "合伙经营门店解散后对设备及货款分配发生争议"},
            {"征地拆迁", "对动迁补偿款在家庭成员之间的分配存在分歧"},
            {"其它", "因饲养宠物伤人，双方就赔偿金额发生争执"}};
    private static final String[] CHANNELS = {"来访", "来访", "来访", "来电", "12345工单", "网格排查", "网上申请",
            "法院诉前委派"};
    private static final String[] ADMIN_MATTERS = {"不服交通违法行政处罚", "不服征收补偿决定", "政府信息公开答复",
            "不服市场监管行政罚款", "不服工伤认定决定", "不服房屋登记行为"};
    private static final String[] TERMS = {"被申请人于履行期限前一次性支付申请人维修费用", "双方同意分期支付赔偿款，每月支付一次",
            "被申请人向申请人赔礼道歉并支付医药费、误工费", "双方互相谅解，今后和睦相处", "被申请人拆除违章搭建并恢复原状",
            "用人单位支付拖欠工资及经济补偿金"};

    private final Random random;
    private final Office office;

    LedgerGenerator(Office office, long seed) {
        this.office = office;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Office office = office(args[1]);
        int firstYear = Integer.parseInt(args[2]);
        int lastYear = Integer.parseInt(args[3]);
        String out = args[4];
        long t0 = System.nanoTime();
        List<String[]> ledger = new LedgerGenerator(office, rows * 31L + firstYear).ledger(rows, firstYear, lastYear);
        String formats = args.length > 5 ? args[5] : "csv,xlsx";
        for (String format : formats.split(",")) {
            Path file = Path.of(out + "." + format);
            if (format.equals("csv")) {
                writeCsv(ledger, file);
            } else {
                writeXlsx(ledger, file);
            }
            System.out.printf("wrote %,d rows of %s (%d to %d): %s %,d bytes%n", rows, office.code(), firstYear,
                    lastYear, file, Files.size(file));
        }
        System.out.printf("in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The ledger's rows in order of receipt, spread evenly over the years. */
    List<String[]> ledger(int rows, int firstYear, int lastYear) {
        List<String[]> all = new ArrayList<>(rows);
        int years = lastYear - firstYear + 1;
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            int inYear = rows / years + (y < rows % years ? 1 : 0);
            // one register per office: people's mediation and administrative matters share its numbers
            int register = 0;
            for (int i = 0; i < inYear; i++) {
                // received in order through the year (days 0..359)
                LocalDate received = LocalDate.of(year, 1, 1).plusDays((long) i * 360 / Math.max(1, inYear));
                all.add(random.nextInt(100) < 12 ? administrative(year, ++register, received)
                        : mediation(year, ++register, received, year == lastYear));
            }
        }
        return all;
    }

    private String[] mediation(int year, int n, LocalDate received, boolean lastYear) {
        Row r = new Row();
        r.set("编号", office.prefix() + "〔" + year + "〕第" + String.format("%04d", n) + "号");
        r.set("事项类型", pick("人民调解", "民间纠纷", "人民调解"));
        r.set("收案日期", received.toString());
        String[] dispute = DISPUTES[random.nextInt(DISPUTES.length)];
        r.set("纠纷类型", dispute[0]);
        r.set("纠纷简要情况", dispute[1] + "（" + n + "）");
        r.set("所属街镇", random.nextInt(10) < 8 ? office.town() : pick("310118104", "310118105", "香花桥街道", "重固镇"));
        r.set("地址", ROADS[random.nextInt(ROADS.length)] + (random.nextInt(3000) + 1) + "号");
        if (random.nextInt(3) > 0) {
            int amount = (random.nextInt(200) + 1) * 100;
            r.set("涉及金额", amount >= 1000 && random.nextBoolean() ? String.format("%,d", amount) : String.valueOf(amount));
        }
        r.set("涉及人数", String.valueOf(2 + (random.nextInt(10) == 0 ? random.nextInt(8) : 0)));
        r.set("风险等级", random.nextInt(20) == 0 ? "中" : random.nextInt(100) == 0 ? "高" : "低");
        parties(r);
        int kind = random.nextInt(1000);
        // who received it: the office itself, or the town's police station, which referred it
        boolean fromPolice = kind < 80;
        boolean outPending = kind >= 80 && kind < 90;
        boolean outReturned = kind >= 90 && kind < 95;
        r.set("来源", fromPolice ? "110非警务警情" : CHANNELS[random.nextInt(CHANNELS.length)]);
        int stage = random.nextInt(100);
        // the last year has more open cases, as a live ledger does
        boolean open = lastYear ? stage < 30 : stage < 3;
        boolean receivedOnly = outPending || (open && random.nextInt(5) == 0);
        LocalDate accepted = received.plusDays(random.nextInt(3));
        if (fromPolice) {
            r.set("转出单位", office.police());
            r.set("转介日期", received.toString());
            r.set("接收日期", received.plusDays(1).toString());
            accepted = received.plusDays(1 + random.nextInt(2));
        } else if (outPending) {
            r.set("转介单位", "上海明理律师事务所");
            r.set("转介日期", received.toString());
            r.set("转介结果", "待接收");
            return r.cells;
        } else if (outReturned) {
            r.set("转介单位", "上海明理律师事务所");
            r.set("转介日期", received.toString());
            r.set("转介结果", "退回");
            r.set("接收日期", received.plusDays(1).toString());
            r.set("退回原因", "不属于本所受理范围");
            accepted = received.plusDays(2);
        }
        if (receivedOnly) {
            return r.cells;
        }
        r.set("受理日期", accepted.toString());
        if (office.mediators().length > 0 && random.nextInt(10) < 9) {
            r.set("调解员", office.mediators()[random.nextInt(office.mediators().length)]);
        }
        if (open) {
            return r.cells;
        }
        LocalDate concluded = accepted.plusDays(1 + random.nextInt(30));
        r.set("结案日期", concluded.toString());
        int outcome = random.nextInt(100);
        if (outcome < 85) {
            r.set("调解结果", pick("调解成功", "调解成功", "成功", "达成协议"));
            boolean written = random.nextInt(10) < 7;
            r.set("协议形式", written ? "书面协议" : "口头协议");
            if (written) {
                r.set("协议内容", TERMS[random.nextInt(TERMS.length)]);
                if (random.nextInt(10) < 6) {
                    int amount = (random.nextInt(500) + 1) * 50;
                    r.set("协议金额", amount >= 1000 && random.nextBoolean() ? String.format("%,d", amount)
                            : String.valueOf(amount));
                    r.set("履行期限", concluded.plusDays(15 + random.nextInt(60)).toString());
                }
            }
            int visits = random.nextInt(10);
            if (visits < 8) {
                visit(r, "", concluded.plusDays(7 + random.nextInt(30)));
            }
            if (visits < 2) {
                visit(r, "2", concluded.plusDays(60 + random.nextInt(30)));
            }
            if (random.nextInt(100) < 3) {
                r.set("防止民转刑", "是");
            }
            if (random.nextInt(100) < 2) {
                r.set("防止群体性上访", "是");
            }
        } else if (outcome < 97) {
            r.set("调解结果", pick("调解不成功", "终止调解", "未达成协议"));
        } else {
            r.set("调解结果", "撤回申请");
        }
        if (random.nextInt(100) < 85) {
            r.set("归档日期", concluded.plusDays(95 + random.nextInt(30)).toString());
        }
        return r.cells;
    }

    private void visit(Row r, String n, LocalDate at) {
        r.set("回访日期" + n, at.toString());
        r.set("回访方式" + n, pick("电话回访", "上门", "电话", "上门回访"));
        int p = random.nextInt(10);
        r.set("履行情况" + n, p < 8 ? "已履行" : p < 9 ? "部分履行" : "未履行");
        r.set("满意度" + n, random.nextInt(4) > 0 ? "满意" : pick("基本满意", "5", "4"));
    }

    private String[] administrative(int year, int n, LocalDate received) {
        Row r = new Row();
        r.set("编号", office.prefix() + "〔" + year + "〕第" + String.format("%04d", n) + "号");
        r.set("事项类型", pick("行政争议", "行政复议"));
        r.set("收案日期", received.toString());
        r.set("纠纷简要情况", ADMIN_MATTERS[random.nextInt(ADMIN_MATTERS.length)] + "（" + n + "）");
        r.set("所属街镇", office.town());
        r.set("申请人", name());
        if (random.nextBoolean()) {
            r.set("申请人电话", mobile());
        }
        r.set("被申请人", pick("青浦区某局", "某镇人民政府", "青浦区某委员会"));
        r.set("被申请人类型", "单位");
        r.set("来源", pick("来访", "网上申请"));
        int way = random.nextInt(100);
        if (way < 35) {
            r.set("办理结果", "立案前化解");
            r.set("结案日期", received.plusDays(3 + random.nextInt(20)).toString());
            return r.cells;
        }
        LocalDate filed = received.plusDays(1 + random.nextInt(5));
        r.set("立案日期", filed.toString());
        if (way < 40) {
            return r.cells; // open: filed, not yet resolved
        }
        LocalDate resolved = filed.plusDays(10 + random.nextInt(50));
        r.set("办理结果", way < 60 ? "案中调解" : way < 70 ? "案中撤回" : way < 92 ? "维持" : "纠错");
        r.set("结案日期", resolved.toString());
        if (random.nextInt(100) < 70) {
            r.set("归档日期", resolved.plusDays(10 + random.nextInt(20)).toString());
        }
        return r.cells;
    }

    private void parties(Row r) {
        r.set("申请人", name());
        if (random.nextInt(10) < 5) {
            r.set("申请人身份证号", residentId());
        }
        if (random.nextInt(10) < 7) {
            r.set("申请人电话", mobile());
        }
        if (random.nextInt(10) < 2) {
            r.set("被申请人", COMPANIES[random.nextInt(COMPANIES.length)]);
            r.set("被申请人类型", "单位");
        } else {
            r.set("被申请人", name());
        }
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    private String mobile() {
        return "1" + pick("38", "39", "58", "59", "86", "87", "35", "77") + String.format("%08d", random.nextInt(100_000_000));
    }

    private String residentId() {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        String first17 = "310118" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return first17 + IdentityNumbers.residentIdCheck(first17);
    }

    private String pick(String... words) {
        return words[random.nextInt(words.length)];
    }

    /** One ledger row under construction, by header. */
    private static final class Row {
        final String[] cells = new String[HEADER.length];

        void set(String header, String value) {
            for (int i = 0; i < HEADER.length; i++) {
                if (HEADER[i].equals(header)) {
                    cells[i] = value;
                    return;
                }
            }
            throw new IllegalArgumentException(header);
        }
    }

    static void writeCsv(List<String[]> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord((Object[]) HEADER);
            for (String[] row : rows) {
                Object[] cells = new Object[row.length];
                for (int i = 0; i < row.length; i++) {
                    cells[i] = row[i] == null ? "" : row[i];
                }
                csv.printRecord(cells);
            }
        }
    }

    /** As Excel saves it: shared strings, dates as date cells, streamed so that the generator's heap stays small. */
    static void writeXlsx(List<String[]> rows, Path file) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, 500, true, true); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("台账");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                String[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (DATES.contains(HEADER[c])) {
                        cell.setCellValue(LocalDate.parse(cells[c]));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(cells[c]);
                    }
                }
            }
            book.write(out);
            book.dispose();
        }
    }
}
