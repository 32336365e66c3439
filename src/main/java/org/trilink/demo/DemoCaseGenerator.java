package org.trilink.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseChangeJson;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.Outcome;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * Makes believable demo cases: all 15 dispute types, every channel, every town, every
 * outcome, spread over the two years up to now, older cases mostly finished. The same seed
 * gives the same cases.
 */
public final class DemoCaseGenerator {

    public record Office(String code, String type, String regionCode) {
    }

    public record PartyRow(String role, String kind, String name, String idNumber, String creditCode, String phone,
                           String address) {
    }

    /** A history event of a demo case: its typed change, stored as the application stores one. */
    public record EventRow(CaseChange change, OffsetDateTime at, String actor, String office, String before,
                           String after) {
        public String type() {
            return change.type();
        }

        public String detail() {
            return CaseChangeJson.write(change);
        }
    }

    public record ReferralRow(String from, String to, String reason, String status, OffsetDateTime sentAt,
                              OffsetDateTime deadline, OffsetDateTime decidedAt) {
    }

    public record ParticipantRow(String office, String part, OffsetDateTime since) {
    }

    public record FollowUpRow(OffsetDateTime at, String method, String performance, int satisfaction, String office) {
    }

    public record DemoCase(int year, String matterKind, String status, String channel, String intakeMode,
                           String disputeType, String summary, String regionCode, String address,
                           BigDecimal amountInvolved, int peopleInvolved, String riskLevel, String receivingOffice,
                           String handlingOffice, OffsetDateTime receivedAt, OffsetDateTime acceptedAt,
                           OffsetDateTime declinedAt, String declineReason, OffsetDateTime mediationStartedAt,
                           String outcome, OffsetDateTime outcomeAt, String agreementForm, String agreementTerms,
                           BigDecimal agreementAmount, LocalDate performanceDeadline, String failureReason,
                           String failureGuidance, LocalDate followUpDue, OffsetDateTime closedAt,
                           boolean criminalAverted, boolean petitionAverted, OffsetDateTime adminFiledAt,
                           String adminResolution, OffsetDateTime adminResolvedAt, List<PartyRow> parties,
                           List<EventRow> events, List<ParticipantRow> participants, List<ReferralRow> referrals,
                           List<FollowUpRow> followUps) {
    }

    static final String[] TYPES = {"MARRIAGE_FAMILY", "NEIGHBOR", "HOUSING_HOMESTEAD", "CONTRACT", "BUSINESS",
        "DAMAGES", "LAND_FOREST", "REQUISITION_DEMOLITION", "ENVIRONMENT", "LABOR", "CONSUMER", "MEDICAL",
        "TRAFFIC", "PROPERTY_MANAGEMENT", "OTHER"};
    // weights roughly as in local monthly reports: neighbour, family, labour and traffic disputes dominate
    private static final int[] TYPE_WEIGHTS = {14, 18, 6, 8, 4, 8, 2, 2, 2, 12, 5, 2, 9, 5, 3};
    private static final String[] TYPE_SUMMARIES = {
        "夫妻因子女抚养问题发生争执，女方要求调解", "楼上漏水导致楼下天花板受损，双方多次争吵",
        "兄弟二人因宅基地界线发生争议", "装修合同工期延误，业主要求退还部分款项",
        "个体商户与供货商因货款结算发生纠纷", "饲养的犬只咬伤邻居，双方就赔偿金额协商不成",
        "村民之间因承包地边界发生争议", "动迁安置补偿分配引发家庭成员矛盾",
        "小餐馆油烟噪声影响周边居民", "建筑工人被拖欠工资，要求包工头支付",
        "消费者购买的电器存在质量问题，商家拒绝退换", "患者家属对诊疗结果不满，与医院发生争执",
        "两车刮擦事故，双方就维修费用争执", "业主与物业公司因物业费及服务质量发生纠纷",
        "相邻店铺因占道经营发生口角"};
    private static final String[] CHANNELS = {"WALK_IN", "PHONE", "POLICE_110", "HOTLINE_12345", "COURT_REFERRAL",
        "GRID_SCREENING", "ONLINE", "CROSS_REGION", "LEDGER_IMPORT"};
    private static final int[] CHANNEL_WEIGHTS = {22, 10, 24, 14, 6, 12, 6, 2, 4};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰海燕志强金凤";
    private static final String[] COMPANIES = {"上海青浦某物业管理有限公司", "上海某建筑劳务有限公司", "上海某餐饮管理有限公司",
        "上海某汽车销售服务有限公司", "上海某商贸有限公司", "上海某房地产开发有限公司"};

    private final Random random;
    private final List<Office> offices;
    private final OffsetDateTime now;
    private final ZoneId zone;

    public DemoCaseGenerator(long seed, List<Office> offices, OffsetDateTime now, ZoneId zone) {
        this.random = new Random(seed);
        this.offices = offices;
        this.now = now;
        this.zone = zone;
    }

    public List<DemoCase> cases(int n) {
        List<DemoCase> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(next());
        }
        return result;
    }

    private DemoCase next() {
        List<Office> towns = offices.stream().filter(o -> o.type().equals("JUDICIAL_OFFICE")).toList();
        Office judicial = towns.get(random.nextInt(towns.size()));
        String region = judicial.regionCode();
        Office police = offices.stream().filter(o -> o.type().equals("POLICE_STATION") && o.regionCode().equals(region))
                .findFirst().orElse(judicial);
        List<Office> firms = offices.stream().filter(o -> o.type().equals("LAW_FIRM")).toList();

        boolean administrative = random.nextInt(100) < 5;
        int typeIndex = weighted(TYPE_WEIGHTS);
        String type = TYPES[typeIndex];
        String channel = administrative ? pick("WALK_IN", "ONLINE", "PHONE") : CHANNELS[weighted(CHANNEL_WEIGHTS)];
        String mode = switch (channel) {
            case "GRID_SCREENING" -> "PROACTIVE";
            case "POLICE_110", "HOTLINE_12345", "COURT_REFERRAL", "CROSS_REGION" -> "REFERRAL";
            default -> "APPLICATION";
        };
        // age in minutes, up to two years back; slightly more cases recently
        long maxMinutes = 730L * 24 * 60;
        long ageMinutes = (long) (Math.pow(random.nextDouble(), 1.15) * maxMinutes);
        OffsetDateTime received = now.minusMinutes(ageMinutes);
        long ageDays = ageMinutes / (24 * 60);

        String receiving = channel.equals("POLICE_110") ? police.code() : judicial.code();
        String handling = receiving;
        String nlc = offices.stream().filter(o -> o.code().startsWith("NLC-")).map(Office::code).findFirst()
                .orElse(judicial.code());
        if (administrative) {
            receiving = nlc;
            handling = nlc;
        }

        List<EventRow> events = new ArrayList<>();
        List<ParticipantRow> participants = new ArrayList<>();
        List<ReferralRow> referrals = new ArrayList<>();
        List<FollowUpRow> followUps = new ArrayList<>();
        String actor = receiving.startsWith("PS-") ? "police" : "mediator";
        events.add(new EventRow(new CaseChange.Received(Channel.valueOf(channel), DisputeType.valueOf(type), null,
                false), received, actor, receiving, null, "RECEIVED"));

        BigDecimal amount = random.nextInt(100) < 70
                ? BigDecimal.valueOf(500 + random.nextInt(200_000)).setScale(2, RoundingMode.HALF_UP) : null;
        int people = 2 + (random.nextInt(100) < 8 ? random.nextInt(30) : random.nextInt(3));
        String risk = random.nextInt(100) < 6 ? "HIGH" : random.nextInt(100) < 20 ? "MEDIUM" : "LOW";

        OffsetDateTime t = received;
        String status = "RECEIVED";
        OffsetDateTime accepted = null;
        OffsetDateTime declined = null;
        String declineReason = null;
        OffsetDateTime mediationStarted = null;
        String outcome = null;
        OffsetDateTime outcomeAt = null;
        String form = null;
        String terms = null;
        BigDecimal agreed = null;
        LocalDate deadline = null;
        String failureReason = null;
        String failureGuidance = null;
        LocalDate followUpDue = null;
        OffsetDateTime closed = null;
        OffsetDateTime adminFiled = null;
        String adminResolution = null;
        OffsetDateTime adminResolved = null;

        // how far this case has come: older cases are further along
        double progress = Math.min(1.0, ageDays / 45.0) * 0.9 + random.nextDouble() * 0.1;

        // a third of non-police 110 incidents are mediated on the spot by the police station itself
        boolean onTheSpot = random.nextInt(100) < 33;
        if (!administrative && channel.equals("POLICE_110") && !onTheSpot) {
            // non-police 110 incidents are referred on to the town's judicial office
            OffsetDateTime sent = t.plusHours(1 + random.nextInt(4));
            if (sent.isBefore(now)) {
                OffsetDateTime decided = sent.plusHours(2 + random.nextInt(20));
                boolean decidedYet = decided.isBefore(now);
                referrals.add(new ReferralRow(police.code(), judicial.code(), "非警务警情，转司法所调解",
                        decidedYet ? "ACCEPTED" : "PENDING", sent, sent.plusHours(24), decidedYet ? decided : null));
                events.add(new EventRow(new CaseChange.Referred(null, police.code(), judicial.code(), sent.plusHours(24),
                        null), sent, "police", police.code(), null, null));
                if (decidedYet) {
                    events.add(new EventRow(new CaseChange.ReferralAccepted(null, police.code(), null, judicial.code()),
                            decided, "mediator", judicial.code(), police.code(), judicial.code()));
                    handling = judicial.code();
                    t = decided;
                    participants.add(new ParticipantRow(police.code(), "FORMER", decided));
                }
            }
        }
        participants.add(new ParticipantRow(handling, "HANDLING", t));
        String worker = handling.startsWith("PS-") ? "police" : "mediator";

        if (administrative) {
            if (progress > 0.3) {
                OffsetDateTime at = t.plusDays(1 + random.nextInt(10));
                if (random.nextInt(100) < 31) {
                    adminResolution = "RESOLVED_BEFORE_FILING";
                    adminResolved = at;
                    status = "RESOLVED";
                    events.add(new EventRow(new CaseChange.AdminResolved(AdminResolution.valueOf(adminResolution), null), at,
                            worker, handling, "RECEIVED", "RESOLVED"));
                } else {
                    adminFiled = at;
                    status = "FILED";
                    events.add(new EventRow(new CaseChange.AdminFiled(null), at, worker, handling, "RECEIVED", "FILED"));
                    if (progress > 0.7) {
                        OffsetDateTime decidedAt = at.plusDays(10 + random.nextInt(50));
                        if (decidedAt.isBefore(now)) {
                            int r = random.nextInt(100);
                            adminResolution = r < 39 ? (r < 25 ? "MEDIATED" : "WITHDRAWN")
                                    : r < 41 ? "CORRECTED" : "UPHELD";
                            adminResolved = decidedAt;
                            status = "RESOLVED";
                            events.add(new EventRow(new CaseChange.AdminResolved(
                                    AdminResolution.valueOf(adminResolution), null), decidedAt, worker, handling,
                                    "FILED", "RESOLVED"));
                        }
                    }
                }
                if ("RESOLVED".equals(status) && progress > 0.85 && random.nextInt(100) < 70
                        && adminResolved.plusDays(5).isBefore(now)) {
                    closed = adminResolved.plusDays(5);
                    status = "CLOSED";
                    events.add(new EventRow(new CaseChange.Closed(null), closed, worker, handling, "RESOLVED", "CLOSED"));
                }
            }
        } else if (progress > 0.15) {
            OffsetDateTime at = t.plusHours(1 + random.nextInt(30));
            if (at.isAfter(now)) {
                at = now.minusMinutes(5);
            }
            if (random.nextInt(100) < 3) {
                declined = at;
                declineReason = pick("当事人已起诉至法院", "属刑事案件，已移交公安", "一方当事人拒绝调解");
                status = "DECLINED";
                events.add(new EventRow(new CaseChange.Declined(declineReason, null), at, worker, handling, "RECEIVED",
                        "DECLINED"));
            } else {
                accepted = at;
                status = "ACCEPTED";
                events.add(new EventRow(new CaseChange.Accepted(null), at, worker, handling, "RECEIVED", "ACCEPTED"));
                if (random.nextInt(100) < 12) {
                    Office firm = firms.get(random.nextInt(firms.size()));
                    participants.add(new ParticipantRow(firm.code(), "JOINT", at.plusHours(2)));
                    events.add(new EventRow(new CaseChange.Joined(firm.code(), null), at.plusHours(2), worker, handling, null,
                            null));
                }
                if (progress > 0.35) {
                    mediationStarted = at.plusHours(2 + random.nextInt(48));
                    status = "IN_MEDIATION";
                    events.add(new EventRow(new CaseChange.MediationStarted(), mediationStarted, worker, handling,
                            "ACCEPTED", "IN_MEDIATION"));
                    OffsetDateTime concluded = mediationStarted.plusDays(1 + random.nextInt(20));
                    if (progress > 0.6 && concluded.isBefore(now)) {
                        int r = random.nextInt(1000);
                        outcomeAt = concluded;
                        status = "CONCLUDED";
                        LocalDate concludedDay = concluded.atZoneSameInstant(zone).toLocalDate();
                        followUpDue = concludedDay.plusDays(30);
                        if (r < 975) {
                            outcome = "SUCCESS";
                            form = random.nextInt(100) < 62 ? "WRITTEN" : "ORAL";
                            agreed = amount == null ? null
                                    : amount.multiply(BigDecimal.valueOf(40 + random.nextInt(61)))
                                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                            terms = agreed == null ? "双方互谅互让，今后和睦相处，不再因此事发生争执。"
                                    : "被申请人于履行期限内一次性支付申请人人民币" + agreed.toPlainString() + "元，双方就此纠纷再无其他争议。";
                            deadline = concludedDay.plusDays(15 + random.nextInt(30));
                        } else if (r < 990) {
                            outcome = "FAILURE";
                            failureReason = "双方对赔偿金额分歧较大，无法达成一致";
                            failureGuidance = pick("LITIGATION", "ARBITRATION", "ADMINISTRATIVE");
                        } else {
                            outcome = "WITHDRAWN";
                            failureReason = "申请人撤回调解申请";
                        }
                        events.add(new EventRow(new CaseChange.OutcomeRecorded(Outcome.valueOf(outcome), null, null, null,
                                null), concluded, worker, handling, "IN_MEDIATION", "CONCLUDED"));
                        OffsetDateTime visit = followUpDue.atStartOfDay(zone).toOffsetDateTime()
                                .minusDays(random.nextInt(10));
                        if (progress > 0.85 && visit.isBefore(now)) {
                            String performance = outcome.equals("SUCCESS")
                                    ? (random.nextInt(100) < 90 ? "PERFORMED" : random.nextBoolean() ? "PARTLY"
                                    : "NOT_PERFORMED") : "NOT_PERFORMED";
                            followUps.add(new FollowUpRow(visit, pick("VISIT", "PHONE", "PHONE"), performance,
                                    3 + random.nextInt(3), handling));
                            events.add(new EventRow(new CaseChange.FollowUpRecorded(null, performance, null), visit, worker,
                                    handling, null, null));
                            closed = visit.plusDays(1);
                            if (closed.isBefore(now)) {
                                status = "CLOSED";
                                events.add(new EventRow(new CaseChange.Closed(null), closed, worker, handling, "CONCLUDED",
                                        "CLOSED"));
                            } else {
                                closed = null;
                            }
                        }
                    }
                }
            }
        }
        boolean criminal = "SUCCESS".equals(outcome) && "HIGH".equals(risk) && random.nextInt(100) < 60;
        boolean petition = "SUCCESS".equals(outcome) && people >= 10 && random.nextInt(100) < 50;

        List<PartyRow> parties = new ArrayList<>();
        parties.add(person("APPLICANT", region));
        if (random.nextInt(100) < 25 || type.equals("PROPERTY_MANAGEMENT") || type.equals("LABOR")) {
            parties.add(organisation());
        } else {
            parties.add(person("RESPONDENT", region));
        }
        if (administrative) {
            parties.set(1, new PartyRow("RESPONDENT", "ORGANISATION", "青浦区某行政机关", null, creditCode(), null, null));
        }
        String summary = (administrative ? "申请人对行政处罚决定不服，申请行政复议" : TYPE_SUMMARIES[typeIndex]);
        return new DemoCase(received.atZoneSameInstant(zone).getYear(), administrative ? "ADMINISTRATIVE"
                : "PEOPLES_MEDIATION", status, channel, mode, type, summary, region, "青浦区某路" + (1 + random.nextInt(999))
                + "号", amount, people, risk, receiving, handling, received, accepted, declined, declineReason,
                mediationStarted, outcome, outcomeAt, form, terms, agreed, deadline, failureReason, failureGuidance,
                followUpDue, closed, criminal, petition, adminFiled, adminResolution, adminResolved, parties, events,
                participants, referrals, followUps);
    }

    private PartyRow person(String role, String region) {
        String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        String first17 = "310118" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        String id = first17 + IdentityNumbers.residentIdCheck(first17);
        String phone = "1" + pick("3", "5", "8", "9") + String.format("%09d", random.nextInt(1_000_000_000));
        return new PartyRow(role, "PERSON", name, id, null, phone, "青浦区某小区" + (1 + random.nextInt(40)) + "号");
    }

    private PartyRow organisation() {
        return new PartyRow("RESPONDENT", "ORGANISATION", COMPANIES[random.nextInt(COMPANIES.length)], null,
                creditCode(), null, null);
    }

    private String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder s = new StringBuilder("91310118");
        while (s.length() < 17) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString() + IdentityNumbers.creditCodeCheck(s.toString());
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
