package org.trilink.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.Outcome;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.documents.control.CaseRecords.FollowUp;
import org.trilink.documents.control.CaseRecords.Mediator;
import org.trilink.documents.control.CaseRecords.Referral;
import org.trilink.documents.control.CaseRecords.Snapshot;
import org.trilink.documents.control.DocumentContent.Align;
import org.trilink.documents.control.DocumentContent.Block;
import org.trilink.documents.control.DocumentContent.Cell;
import org.trilink.documents.control.DocumentContent.Grid;
import org.trilink.documents.control.DocumentContent.Heading;
import org.trilink.documents.control.DocumentContent.Line;
import org.trilink.documents.control.DocumentContent.PageBreak;
import org.trilink.documents.control.DocumentContent.Seal;
import org.trilink.documents.control.DocumentContent.Signatures;
import org.trilink.documents.control.DocumentContent.Text;
import org.trilink.documents.control.DocumentContent.Title;
import org.trilink.documents.entity.DocumentKind;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * Writes each document's words from the case data, following the forms offices use (the
 * Ministry of Justice's model people's mediation agreement and the usual case file cover and
 * index). Only case data goes in, nothing about when or by whom it was generated, so the same
 * data always gives the same words and the same verification code.
 */
@ApplicationScoped
public class DocumentComposer {

    /** A term line that begins with its own number: 一、 1. 1、 （一） (1) 第一条. */
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile(
            "(?m)^\\s*(?:[一二三四五六七八九十百]+[、.．]|\\d+[、.．)）]|[（(][一二三四五六七八九十\\d]+[)）]"
                    + "|第[一二三四五六七八九十百\\d]+条)");

    private static final String BLANK_DATE = "    年    月    日";

    /** 人民调解协议书: only for a mediation that ended in a written agreement. */
    public DocumentContent agreement(Snapshot s, int copies) {
        DisputeCase c = s.disputeCase();
        if (c.outcome() != Outcome.SUCCESS || c.agreementForm() != AgreementForm.WRITTEN) {
            throw ProblemException.conflict("Case " + c.caseNumber() + " has no written mediation agreement"
                    + " (outcome " + c.outcome() + ", agreement " + c.agreementForm() + "): an agreement document is"
                    + " written only for mediations that ended in a written agreement.");
        }
        List<Block> b = new ArrayList<>();
        b.add(new Title("人民调解协议书"));
        b.add(new Line(s.committee(), Align.CENTER));
        // the office's 文书编号 (the case number for agreements composed before numbering)
        b.add(new Line("编号：" + (c.agreementNumber() != null ? c.agreementNumber() : c.caseNumber()), Align.RIGHT));
        b.add(parties(c));

        b.add(new Heading("纠纷主要事实、争议事项："));
        b.add(new Text(facts(s)));
        b.add(new Text("争议事项：双方当事人就上述" + Labels.disputeType(c.disputeType()) + "纠纷的处理发生争议，"
                + "申请人民调解委员会调解。"));

        b.add(new Heading("经调解，双方当事人自愿达成如下协议："));
        String terms = c.agreementTerms() == null ? "" : c.agreementTerms().strip();
        // terms the mediator numbered (一、… 二、…, 1. …, （一）…, 第一条 …) keep their numbers
        boolean numbered = NUMBERED.matcher(terms).find();
        int n = 1;
        for (String term : terms.split("\\R+")) {
            if (!term.isBlank()) {
                b.add(new Text(numbered ? term.strip() : n++ + "．" + term.strip()));
            }
        }
        if (c.agreementAmount() != null) {
            b.add(new Text((numbered ? "" : n + "．") + "协议金额：" + Labels.money(c.agreementAmount()) + "。"));
        }

        b.add(new Heading("履行方式、时限："));
        String deadline = Labels.date(c.performanceDeadline());
        b.add(new Text((c.agreementAmount() != null
                ? "义务人以现金或银行转账方式向权利人支付上述款项，" : "各方当事人按上述约定自觉履行，")
                + (deadline != null ? "于" + deadline + "前履行完毕。" : "自本协议生效之日起履行。")));

        b.add(new Text("本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。"
                + "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。"
                + "当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。"));
        b.add(new Text("本协议一式" + chineseCount(copies) + "份，当事人各执一份，人民调解委员会留存一份。"));

        List<String> signers = new ArrayList<>();
        for (Party p : c.parties()) {
            signers.add(Labels.word(p.role()) + "：" + p.name() + "（签名、盖章或按指印）");
        }
        b.add(new Signatures(signers));
        b.add(new Signatures(mediatorLines(s.mediators())));
        b.add(new Seal(s.committee(), dateOr(Labels.date(c.outcomeAt()))));
        return new DocumentContent(DocumentKind.AGREEMENT, c.caseNumber(), "人民调解协议书", b);
    }

    /** The default number of copies: one for each party and one the committee keeps. */
    public static int defaultCopies(DisputeCase c) {
        return c.parties().size() + 1;
    }

    private static Grid parties(DisputeCase c) {
        List<Cell> cells = new ArrayList<>();
        for (Party p : c.parties()) {
            String role = Labels.word(p.role());
            if (p.kind() == PartyKind.PERSON) {
                cells.add(Cell.label(role));
                cells.add(Cell.value(p.name()));
                cells.add(Cell.label("性别"));
                cells.add(Cell.value(sex(p.idNumber())));
                cells.add(Cell.label("公民身份号码"));
                cells.add(Cell.value(p.idNumber()));
                cells.add(Cell.label("出生日期"));
                cells.add(Cell.value(birth(p.idNumber())));
            } else {
                cells.add(Cell.label(role));
                cells.add(Cell.value(p.name(), 3));
                cells.add(Cell.label("统一社会信用代码"));
                cells.add(Cell.value(p.creditCode(), 3));
            }
            cells.add(Cell.label("联系电话"));
            cells.add(Cell.value(p.phone()));
            cells.add(Cell.label(p.kind() == PartyKind.PERSON ? "住址" : "住所"));
            cells.add(Cell.value(p.address()));
        }
        return new Grid(new float[] {22, 31, 17, 30}, cells);
    }

    private static String facts(Snapshot s) {
        DisputeCase c = s.disputeCase();
        StringBuilder t = new StringBuilder();
        String when = Labels.date(c.occurredAt());
        if (when != null) {
            t.append(when).append("，");
        }
        if (c.address() != null && !c.address().isBlank()) {
            t.append("在").append(c.address()).append("，");
        }
        t.append(sentence(c.summary()));
        if (c.amountInvolved() != null) {
            t.append("纠纷涉及金额").append(Labels.money(c.amountInvolved())).append("。");
        }
        String received = Labels.date(c.receivedAt());
        String accepted = c.acceptedAt() != null ? Labels.date(c.acceptedAt()) : received;
        String accepting = s.acceptingOffice();
        String receiving = c.receivingOfficeCode();
        if (accepting == null) {
            t.append("本纠纷于").append(received).append("由").append(s.officeName(receiving)).append("登记");
        } else if (accepting.equals(receiving)) {
            t.append("本纠纷于").append(accepted).append("由").append(s.officeName(accepting)).append("受理");
        } else {
            // registered by one office (a police station, say) and accepted by the one it was referred to
            t.append("本纠纷于").append(received).append("由").append(s.officeName(receiving)).append("登记移送，于")
                    .append(accepted).append("由").append(s.officeName(accepting)).append("受理");
        }
        String mediating = accepting != null ? accepting : receiving;
        if (c.handlingOfficeCode() != null && !c.handlingOfficeCode().equals(mediating)) {
            t.append("，由").append(s.officeName(c.handlingOfficeCode())).append("调解");
        }
        t.append("。");
        return t.toString();
    }

    private static List<String> mediatorLines(List<Mediator> mediators) {
        List<String> lines = new ArrayList<>();
        for (Mediator m : mediators) {
            lines.add(Labels.word(m.capacity()) + "（签名）：" + m.name());
        }
        // the form always has room for two mediators' signatures
        while (lines.size() < 2) {
            lines.add("人民调解员（签名）：");
        }
        return lines;
    }

    /** 转介函 for one referral; 委派调解函 when the court hands the dispute to mediation. */
    public DocumentContent referralLetter(Snapshot s, Referral r) {
        DisputeCase c = s.disputeCase();
        String from = r.fromOffice() != null ? s.officeName(r.fromOffice())
                : r.fromPartner() != null ? r.fromPartner() : "";
        boolean delegated = r.fromOffice() != null && r.fromOffice().startsWith("COURT-");
        String title = delegated ? "委派调解函" : "转介函";
        List<Block> b = new ArrayList<>();
        b.add(new Title(title));
        b.add(new Line("编号：" + c.caseNumber() + "-R" + r.id(), Align.RIGHT));
        b.add(new Line(s.officeName(r.toOffice()) + "：", Align.LEFT));
        b.add(new Text("现有" + partyNames(c) + "之间的" + Labels.disputeType(c.disputeType()) + "纠纷一件（案号"
                + c.caseNumber() + "）。" + sentence(c.summary())
                + (delegated ? "经当事人同意，本院依法委派你单位进行调解。" : "")
                + "转介理由：" + sentence(r.reason()) + "根据“三所联动”矛盾纠纷多元化解工作机制，现将该纠纷"
                + (delegated ? "委派" : "转介") + "你单位，请于" + Labels.dateTime(r.deadline())
                + "前接收并及时处理，处理结果请反馈我单位。"));
        b.add(new Heading("纠纷基本情况："));
        List<Cell> cells = new ArrayList<>(List.of(
                Cell.label("案号"), Cell.value(c.caseNumber()),
                Cell.label("纠纷类型"), Cell.value(Labels.disputeType(c.disputeType()) + "纠纷"),
                Cell.label("发生地"), Cell.value(c.address(), 3),
                Cell.label("发生时间"), Cell.value(Labels.dateTime(c.occurredAt())),
                Cell.label("涉及人数"), Cell.value(c.peopleInvolved() + "人"),
                Cell.label("涉及金额"), Cell.value(Labels.money(c.amountInvolved()), 3),
                Cell.label("风险等级"), Cell.value(Labels.word(c.riskLevel())),
                Cell.label("接收期限"), Cell.value(Labels.dateTime(r.deadline()))));
        for (Party p : c.parties()) {
            // a referral letter travels between offices: personal data masked, the full file follows by the system
            cells.add(Cell.label(Labels.word(p.role())));
            cells.add(Cell.value(p.name() + "　" + (p.kind() == PartyKind.PERSON
                    ? "身份证号 " + IdentityNumbers.maskId(p.idNumber()) : "信用代码 " + p.creditCode())
                    + (p.phone() != null ? "　电话 " + IdentityNumbers.maskPhone(p.phone()) : ""), 3));
        }
        cells.add(Cell.label("接收情况"));
        cells.add(Cell.value(receipt(s, r), 3));
        b.add(new Grid(new float[] {18, 32, 18, 32}, cells));
        b.add(new Text("联系人：" + s.staffName(r.sentBy()) + "（" + from + "）"));
        b.add(new Seal(from, dateOr(Labels.date(r.sentAt()))));
        return new DocumentContent(DocumentKind.REFERRAL_LETTER, c.caseNumber(), title, b);
    }

    private static String receipt(Snapshot s, Referral r) {
        String status = Labels.word(r.status());
        if (r.decidedAt() != null) {
            status += "（" + Labels.dateTime(r.decidedAt()) + "）";
        }
        if (r.rejectionReason() != null && !r.rejectionReason().isBlank()) {
            status += "，理由：" + r.rejectionReason();
        }
        return status;
    }

    /** 人民调解回访记录 for one follow-up visit. */
    public DocumentContent followUpRecord(Snapshot s, FollowUp f) {
        DisputeCase c = s.disputeCase();
        List<Block> b = new ArrayList<>();
        b.add(new Title("人民调解回访记录"));
        b.add(new Line(s.committee(), Align.CENTER));
        b.add(new Line("编号：" + c.caseNumber() + "-F" + f.id(), Align.RIGHT));
        String outcome = c.outcome() == null ? "尚无调解结果"
                : Labels.word(c.outcome()) + (c.agreementForm() != null ? "，" + Labels.word(c.agreementForm()) : "")
                + (c.outcomeAt() != null ? "（" + Labels.date(c.outcomeAt()) + "）" : "");
        List<Cell> cells = new ArrayList<>(List.of(
                Cell.label("案号"), Cell.value(c.caseNumber()),
                Cell.label("纠纷类型"), Cell.value(Labels.disputeType(c.disputeType()) + "纠纷"),
                Cell.label("当事人"), Cell.value(partyNames(c), 3),
                Cell.label("调解结果"), Cell.value(outcome, 3),
                Cell.label("协议内容"), Cell.value(agreementSummary(c), 3),
                Cell.label("履行期限"), Cell.value(Labels.date(c.performanceDeadline())),
                Cell.label("回访期限"), Cell.value(Labels.date(c.followUpDue())),
                Cell.label("回访时间"), Cell.value(Labels.dateTime(f.visitedAt())),
                Cell.label("回访方式"), Cell.value(Labels.word(f.method())),
                Cell.label("履行情况"), Cell.value(Labels.word(f.performance())),
                Cell.label("满意程度"), Cell.value(satisfaction(f.satisfaction())),
                Cell.label("回访情况").tall(150), Cell.value(f.notes(), 3).tall(150),
                Cell.label("回访单位"), Cell.value(s.officeName(f.officeCode())),
                Cell.label("回访人"), Cell.value(s.staffName(f.recordedBy()))));
        b.add(new Grid(new float[] {18, 32, 18, 32}, cells));
        b.add(new Signatures(List.of("回访人（签名）：", "被回访人（签名）：")));
        return new DocumentContent(DocumentKind.FOLLOW_UP_RECORD, c.caseNumber(), "人民调解回访记录", b);
    }

    private static String satisfaction(int score) {
        String word = score >= 5 ? "非常满意" : score == 4 ? "满意" : score == 3 ? "基本满意" : "不满意";
        return score + "分（" + word + "）";
    }

    private static String agreementSummary(DisputeCase c) {
        if (c.agreementTerms() == null) {
            return null;
        }
        return c.agreementTerms().strip() + (c.agreementAmount() != null ? "（协议金额" + Labels.money(c.agreementAmount()) + "）" : "");
    }

    /** 卷宗封面 and 卷内目录: the cover of the case file and the list of the papers in it. */
    public DocumentContent caseFile(Snapshot s) {
        DisputeCase c = s.disputeCase();
        List<Block> b = new ArrayList<>();
        b.add(new Title("人民调解卷宗"));
        b.add(new Line(s.committee(), Align.CENTER));
        String result = c.outcome() == null ? "调解中" : Labels.word(c.outcome())
                + (c.agreementForm() != null ? "（" + Labels.word(c.agreementForm()) + "）" : "");
        b.add(new Grid(new float[] {22, 78}, List.of(
                Cell.label("案号"), Cell.value(c.caseNumber()),
                Cell.label("登记编号"), Cell.value(c.registerNumber()),
                Cell.label("案由"), Cell.value(Labels.disputeType(c.disputeType()) + "纠纷"),
                Cell.label("当事人"), Cell.value(partyNames(c)),
                Cell.label("受理单位"), Cell.value(s.officeName(s.acceptingOffice() != null ? s.acceptingOffice()
                        : c.receivingOfficeCode())),
                Cell.label("承办单位"), Cell.value(s.officeName(c.handlingOfficeCode())),
                Cell.label("调解员"), Cell.value(s.mediators().stream().map(Mediator::name)
                        .collect(Collectors.joining("、"))),
                Cell.label("受理日期"), Cell.value(Labels.date(c.acceptedAt() != null ? c.acceptedAt() : c.receivedAt())),
                Cell.label("调解结果"), Cell.value(result),
                Cell.label("结案日期"), Cell.value(Labels.date(c.closedAt())),
                Cell.label("卷内材料"), Cell.value(index(s).size() + "件"),
                Cell.label("保管期限"), Cell.value("十年"),
                Cell.label("立卷人"), Cell.value(" ").tall(28))));
        b.add(new PageBreak());
        b.add(new Title("卷内目录"));
        b.add(new Line("案号：" + c.caseNumber(), Align.RIGHT));
        List<Cell> cells = new ArrayList<>(List.of(Cell.label("序号"), Cell.label("文件材料名称"), Cell.label("日期"),
                Cell.label("备注")));
        int n = 1;
        for (String[] row : index(s)) {
            cells.add(Cell.value(Integer.toString(n++)));
            cells.add(Cell.value(row[0]));
            cells.add(Cell.value(row[1]));
            cells.add(Cell.value(row[2]));
        }
        b.add(new Grid(new float[] {8, 38, 24, 30}, cells));
        return new DocumentContent(DocumentKind.CASE_FILE, c.caseNumber(), "卷宗封面及卷内目录", b);
    }

    /** The papers of the file in the order they are bound: name, date, remark. */
    private static List<String[]> index(Snapshot s) {
        DisputeCase c = s.disputeCase();
        List<String[]> rows = new ArrayList<>();
        String intake = c.intakeMode() == IntakeMode.APPLICATION ? "人民调解申请书"
                : c.intakeMode() == IntakeMode.PROACTIVE ? "矛盾纠纷排查登记表" : "纠纷移送材料";
        rows.add(new String[] {intake, Labels.date(c.receivedAt()), "当事人身份证明材料附后"});
        rows.add(new String[] {"人民调解受理登记表", Labels.date(c.acceptedAt() != null ? c.acceptedAt() : c.receivedAt()),
                c.declinedAt() != null ? "不予受理" : null});
        for (Referral r : s.referrals()) {
            rows.add(new String[] {"转介函（" + s.officeName(r.toOffice()) + "）", Labels.date(r.sentAt()),
                    filedRemark(s, DocumentKind.REFERRAL_LETTER, r.id())});
        }
        if (c.mediationStartedAt() != null) {
            rows.add(new String[] {"人民调解调查记录", Labels.date(c.mediationStartedAt()), null});
            if (s.sessions().isEmpty()) {
                rows.add(new String[] {"人民调解记录", Labels.date(c.mediationStartedAt()), null});
            }
            for (CaseRecords.Session session : s.sessions()) {
                if ("HELD".equals(session.status())) {
                    rows.add(new String[] {"人民调解记录（" + session.place() + "）",
                            Labels.date(session.heldAt() != null ? session.heldAt() : session.scheduledAt()), null});
                }
            }
        }
        if (c.outcome() == Outcome.SUCCESS && c.agreementForm() == AgreementForm.WRITTEN) {
            rows.add(new String[] {"人民调解协议书", Labels.date(c.outcomeAt()), filedRemark(s, DocumentKind.AGREEMENT, 0)});
        } else if (c.outcome() == Outcome.SUCCESS) {
            rows.add(new String[] {"口头调解协议登记", Labels.date(c.outcomeAt()), null});
        } else if (c.outcome() != null) {
            rows.add(new String[] {"调解终结记录", Labels.date(c.outcomeAt()), Labels.word(c.outcome())});
        }
        for (FollowUp f : s.followUps()) {
            rows.add(new String[] {"人民调解回访记录", Labels.date(f.visitedAt()),
                    filedRemark(s, DocumentKind.FOLLOW_UP_RECORD, f.id())});
        }
        return rows;
    }

    /** Which stored version the file holds, and whether the signed paper came back. */
    private static String filedRemark(Snapshot s, DocumentKind kind, long subject) {
        return s.filed().stream().filter(f -> f.kind() == kind && f.subjectId() == subject)
                .reduce((first, second) -> second)
                .map(f -> "第" + f.version() + "版 核验码" + f.code() + (f.signedCopies() > 0 ? "，签字本已归档" : ""))
                .orElse(null);
    }

    private static String partyNames(DisputeCase c) {
        return c.parties().stream().map(Party::name).collect(Collectors.joining("、"));
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip();
        return t.endsWith("。") || t.endsWith("！") || t.endsWith("？") ? t : t + "。";
    }

    private static String dateOr(String date) {
        return date == null ? BLANK_DATE : date;
    }

    /** 男/女 from the 17th digit of a resident ID (odd: male). */
    static String sex(String id) {
        if (id == null || id.length() != 18 || !Character.isDigit(id.charAt(16))) {
            return null;
        }
        return (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
    }

    static String birth(String id) {
        if (id == null || id.length() != 18) {
            return null;
        }
        try {
            return Labels.date(java.time.LocalDate.parse(id.substring(6, 14),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String chineseCount(int n) {
        String digits = "零一二三四五六七八九十";
        return n >= 0 && n <= 10 ? String.valueOf(digits.charAt(n)) : Integer.toString(n);
    }
}
