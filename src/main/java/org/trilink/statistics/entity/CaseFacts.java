package org.trilink.statistics.entity;

import java.util.List;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Outcome;

/**
 * What a run knows of one case besides its breakdown codes, packed into one integer: the
 * outcome and administrative resolution as they stood at the end of the cut-off date, the
 * agreement, the averted escalations, whether it was referred, followed up and performed.
 * The snapshot groups a slice's cases by their codes and these facts (stat_run_group), so
 * every metric's cases are whole groups, chosen by a test on this integer.
 *
 * <p>Bits 0-1: the outcome (0 none, else {@link Outcome} ordinal + 1); bits 2-4: the
 * administrative resolution (0 none, else {@link AdminResolution} ordinal + 1); bits 5-6: the
 * agreement form (0 none, else {@link AgreementForm} ordinal + 1); then one bit each.
 */
public final class CaseFacts {

    private static final int OUTCOME_SHIFT = 0;
    private static final int RESOLUTION_SHIFT = 2;
    private static final int FORM_SHIFT = 5;
    public static final int HAS_AMOUNT = 1 << 7;
    public static final int CRIMINAL_CASE_AVERTED = 1 << 8;
    public static final int MASS_PETITION_AVERTED = 1 << 9;
    public static final int REFERRED = 1 << 10;
    public static final int REFERRAL_ACCEPTED = 1 << 11;
    public static final int REFERRAL_REJECTED = 1 << 12;
    public static final int REFERRAL_OVERDUE = 1 << 13;
    public static final int FOLLOWED_UP = 1 << 14;
    public static final int PERFORMED = 1 << 15;
    /** An outcome by the cut-off of a case that was accepted: it has days to outcome. */
    public static final int HAS_DAYS = 1 << 16;
    /** Followed up by the cut-off, and no visit found the parties less than satisfied (回访满意度 4 or 5). */
    public static final int SATISFIED = 1 << 17;

    private CaseFacts() {
    }

    public static Outcome outcome(int facts) {
        int code = (facts >>> OUTCOME_SHIFT) & 0b11;
        return code == 0 ? null : Outcome.values()[code - 1];
    }

    public static AdminResolution resolution(int facts) {
        int code = (facts >>> RESOLUTION_SHIFT) & 0b111;
        return code == 0 ? null : AdminResolution.values()[code - 1];
    }

    public static AgreementForm form(int facts) {
        int code = (facts >>> FORM_SHIFT) & 0b11;
        return code == 0 ? null : AgreementForm.values()[code - 1];
    }

    public static boolean has(int facts, int flag) {
        return (facts & flag) != 0;
    }

    public static boolean succeeded(int facts) {
        return outcome(facts) == Outcome.SUCCESS;
    }

    public static boolean concluded(int facts) {
        return outcome(facts) != null || resolution(facts) != null;
    }

    /** Decided after formal filing: mediated, withdrawn, upheld or corrected. */
    public static boolean concludedAfterFiling(int facts) {
        AdminResolution r = resolution(facts);
        return r != null && r != AdminResolution.RESOLVED_BEFORE_FILING;
    }

    public static boolean mediatedOrWithdrawn(int facts) {
        AdminResolution r = resolution(facts);
        return r == AdminResolution.MEDIATED || r == AdminResolution.WITHDRAWN;
    }

    /** The facts of the given parts, as {@link #sql} computes them (for tests and the migration of old runs). */
    public static int of(Outcome outcome, AdminResolution resolution, AgreementForm form, int flags) {
        return (outcome == null ? 0 : outcome.ordinal() + 1) << OUTCOME_SHIFT
                | (resolution == null ? 0 : resolution.ordinal() + 1) << RESOLUTION_SHIFT
                | (form == null ? 0 : form.ordinal() + 1) << FORM_SHIFT
                | flags;
    }

    /**
     * The SQL expression (PostgreSQL and H2) that computes the facts of a row: a sum of CASEs
     * over SQL expressions for each part; {@code flags} maps each one-bit flag to a condition.
     */
    public static String sql(String outcome, String resolution, String form, List<Flag> flags) {
        StringBuilder sql = new StringBuilder("(").append(codes(outcome, Outcome.values(), OUTCOME_SHIFT))
                .append(" + ").append(codes(resolution, AdminResolution.values(), RESOLUTION_SHIFT))
                .append(" + ").append(codes(form, AgreementForm.values(), FORM_SHIFT));
        for (Flag f : flags) {
            sql.append(" + case when ").append(f.condition()).append(" then ").append(f.bit()).append(" else 0 end");
        }
        return sql.append(")").toString();
    }

    /** One bit of the facts and the SQL condition that sets it. */
    public record Flag(int bit, String condition) {
    }

    private static String codes(String expression, Enum<?>[] values, int shift) {
        StringBuilder sql = new StringBuilder("case ").append(expression);
        for (Enum<?> v : values) {
            sql.append(" when '").append(v.name()).append("' then ").append((v.ordinal() + 1) << shift);
        }
        return sql.append(" else 0 end").toString();
    }
}
