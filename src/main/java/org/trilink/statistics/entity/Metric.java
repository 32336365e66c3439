package org.trilink.statistics.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.AgreementForm;

/**
 * The metric catalogue (docs/statistics.md explains each). Every metric names the cases behind
 * it as a test on their {@link CaseFacts} (a breakdown's cases are those with its code), so any
 * figure can be traced to its list of cases in the run's snapshot. A rate's cases are its
 * numerator's.
 */
public enum Metric {
    ACCEPTED("accepted", Applies.PEOPLES_MEDIATION, Type.COUNT, f -> true, "受理纠纷", "Disputes accepted"),
    SUCCEEDED("succeeded", Applies.PEOPLES_MEDIATION, Type.COUNT, CaseFacts::succeeded, "调解成功", "Mediated successfully"),
    SUCCESS_RATE("successRate", Applies.PEOPLES_MEDIATION, Type.RATE, CaseFacts::succeeded, "调解成功率", "Success rate"),
    RECEIVED("received", Applies.ADMINISTRATIVE, Type.COUNT, f -> true, "收到行政争议", "Administrative matters received"),
    RESOLVED_BEFORE_FILING("resolvedBeforeFiling", Applies.ADMINISTRATIVE, Type.COUNT,
            f -> CaseFacts.resolution(f) == AdminResolution.RESOLVED_BEFORE_FILING, "立案前化解", "Resolved before filing"),
    RESOLVED_BEFORE_FILING_RATE("resolvedBeforeFilingRate", Applies.ADMINISTRATIVE, Type.RATE,
            f -> CaseFacts.resolution(f) == AdminResolution.RESOLVED_BEFORE_FILING, "立案前化解率", "Resolved-before-filing rate"),
    CONCLUDED_AFTER_FILING("concludedAfterFiling", Applies.ADMINISTRATIVE, Type.COUNT,
            CaseFacts::concludedAfterFiling, "立案后审结", "Concluded after filing"),
    MEDIATED_OR_WITHDRAWN("mediatedOrWithdrawn", Applies.ADMINISTRATIVE, Type.COUNT,
            CaseFacts::mediatedOrWithdrawn, "案中调撤", "Mediated or withdrawn after filing"),
    MEDIATED_OR_WITHDRAWN_RATE("mediatedOrWithdrawnRate", Applies.ADMINISTRATIVE, Type.RATE,
            CaseFacts::mediatedOrWithdrawn, "案中调撤率", "Mediated-or-withdrawn rate"),
    CORRECTED("corrected", Applies.ADMINISTRATIVE, Type.COUNT, f -> CaseFacts.resolution(f) == AdminResolution.CORRECTED, "纠错", "Decisions corrected"),
    CORRECTION_RATE("correctionRate", Applies.ADMINISTRATIVE, Type.RATE, f -> CaseFacts.resolution(f) == AdminResolution.CORRECTED, "纠错率", "Correction rate"),
    CONCLUDED("concluded", Applies.BOTH, Type.COUNT, CaseFacts::concluded, "已办结", "Concluded"),
    PENDING("pending", Applies.BOTH, Type.COUNT, f -> !CaseFacts.concluded(f), "未办结", "Still pending"),
    MEDIAN_DAYS_TO_OUTCOME("medianDaysToOutcome", Applies.PEOPLES_MEDIATION, Type.DAYS, f -> CaseFacts.has(f, CaseFacts.HAS_DAYS),
            "受理至结案天数中位数", "Median days from acceptance to outcome"),
    REFERRALS_SENT("referralsSent", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.REFERRED), "流转移送", "Referrals sent"),
    REFERRALS_ACCEPTED("referralsAccepted", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.REFERRAL_ACCEPTED), "移送接收", "Referrals accepted"),
    REFERRALS_REJECTED("referralsRejected", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.REFERRAL_REJECTED), "移送退回", "Referrals rejected"),
    REFERRALS_OVERDUE("referralsOverdue", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.REFERRAL_OVERDUE), "移送超期", "Referrals overdue"),
    FOLLOW_UPS("followUps", Applies.PEOPLES_MEDIATION, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.FOLLOWED_UP), "回访次数", "Follow-up visits"),
    FOLLOWED_UP_CASES("followedUpCases", Applies.PEOPLES_MEDIATION, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.FOLLOWED_UP), "已回访案件", "Cases followed up"),
    AGREEMENTS_PERFORMED("agreementsPerformed", Applies.PEOPLES_MEDIATION, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.PERFORMED), "协议履行", "Agreements performed"),
    SATISFIED_CASES("satisfiedCases", Applies.PEOPLES_MEDIATION, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.SATISFIED),
            "回访满意", "Cases rated satisfied"),
    SATISFACTION_RATE("satisfactionRate", Applies.PEOPLES_MEDIATION, Type.RATE, f -> CaseFacts.has(f, CaseFacts.SATISFIED),
            "满意率", "Satisfaction rate"),
    WRITTEN_AGREEMENTS("writtenAgreements", Applies.PEOPLES_MEDIATION, Type.COUNT,
            f -> CaseFacts.succeeded(f) && CaseFacts.form(f) == AgreementForm.WRITTEN, "书面协议", "Written agreements"),
    ORAL_AGREEMENTS("oralAgreements", Applies.PEOPLES_MEDIATION, Type.COUNT,
            f -> CaseFacts.succeeded(f) && CaseFacts.form(f) == AgreementForm.ORAL, "口头协议", "Oral agreements"),
    AGREEMENT_AMOUNT("agreementAmount", Applies.PEOPLES_MEDIATION, Type.AMOUNT,
            f -> CaseFacts.succeeded(f) && CaseFacts.has(f, CaseFacts.HAS_AMOUNT), "协议涉及金额（元）", "Amount covered by agreements (CNY)"),
    CRIMINAL_CASES_AVERTED("criminalCasesAverted", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.CRIMINAL_CASE_AVERTED),
            "防止民转刑（件）", "Kept from becoming criminal cases"),
    CRIMINAL_CASES_AVERTED_PEOPLE("criminalCasesAvertedPeople", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.CRIMINAL_CASE_AVERTED),
            "防止民转刑（人）", "People kept from criminal cases"),
    MASS_PETITIONS_AVERTED("massPetitionsAverted", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.MASS_PETITION_AVERTED),
            "防止群体性上访（件）", "Kept from becoming mass petitions"),
    MASS_PETITIONS_AVERTED_PEOPLE("massPetitionsAvertedPeople", Applies.BOTH, Type.COUNT, f -> CaseFacts.has(f, CaseFacts.MASS_PETITION_AVERTED),
            "防止群体性上访（人）", "People kept from mass petitions"),
    BY_DISPUTE_TYPE("byDisputeType", Applies.BOTH, Type.BREAKDOWN, f -> true, "按纠纷类型", "By dispute type"),
    BY_CHANNEL("byChannel", Applies.BOTH, Type.BREAKDOWN, f -> true, "按来源渠道", "By channel"),
    BY_REGION("byRegion", Applies.BOTH, Type.BREAKDOWN, f -> true, "按镇街", "By region"),
    BY_OFFICE("byOffice", Applies.BOTH, Type.BREAKDOWN, f -> true, "按办理单位", "By office");

    public enum Applies { PEOPLES_MEDIATION, ADMINISTRATIVE, BOTH }

    public enum Type { COUNT, RATE, AMOUNT, DAYS, BREAKDOWN }

    private final String code;
    private final Applies applies;
    private final Type type;
    private final IntPredicate cases;
    private final String zh;
    private final String en;

    Metric(String code, Applies applies, Type type, IntPredicate cases, String zh, String en) {
        this.code = code;
        this.applies = applies;
        this.type = type;
        this.cases = cases;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public Type type() {
        return type;
    }

    /** Whether cases with these facts are behind the figure (for a breakdown: all cases of its code). */
    public boolean counts(int facts) {
        return cases.test(facts);
    }

    public String label(boolean chinese) {
        return chinese ? zh : en;
    }

    public boolean appliesTo(String matterKind) {
        return applies == Applies.BOTH || applies.name().equals(matterKind);
    }

    public static Optional<Metric> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public static List<Metric> of(String matterKind) {
        return Arrays.stream(values()).filter(m -> m.appliesTo(matterKind)).toList();
    }
}
