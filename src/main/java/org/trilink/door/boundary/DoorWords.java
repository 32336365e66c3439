package org.trilink.door.boundary;

/** The privacy notice's text (version {@link org.trilink.door.control.DoorSettings#NOTICE_VERSION}). */
final class DoorWords {

    static final String NOTICE_ZH = "个人信息处理告知：为办理您申请或参与的人民调解案件，我们收集您的姓名、手机号码，"
            + "以及您自愿提供的身份证号码、住址和纠纷情况（《个人信息保护法》第十三条、第十四条、第十七条）。"
            + "手机号码用于发送验证码和案件通知；信息仅由受理您案件的司法所、派出所、律师事务所等调解机构及工作人员使用，"
            + "不用于其他目的，依法保存。您可以在“查询案件”中查阅本人信息并申请更正；其他当事人看到的您的身份证号和手机号均经遮盖。"
            + "您的每次查询都会记入案件记录。如不同意，您仍可到所在镇（街道）司法所当面申请。";

    static final String NOTICE_EN = "How we handle your personal information: to handle the people's mediation case you"
            + " apply for or take part in, we collect your name and mobile number, and the ID number, address and"
            + " account of the dispute you choose to give (Personal Information Protection Law, art. 13, 14, 17)."
            + " Your number is used for codes and notices about the case; the information is used only by the offices"
            + " and staff handling your case, for no other purpose, and kept as the law requires. Under \"Follow my"
            + " case\" you can see the data held about you and ask for a correction; other parties see your ID and"
            + " phone numbers masked. Each of your views is recorded in the case. If you do not agree, you can still"
            + " apply in person at your town's judicial office.";

    private DoorWords() {
    }
}
