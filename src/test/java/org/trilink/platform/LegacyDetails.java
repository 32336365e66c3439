package org.trilink.platform;

import java.util.function.LongFunction;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseChangeJson;

/**
 * Tests' way to an old free-text detail's typed change: the conversion V17 applies to the rows
 * written before the typed changes, read back as the application reads every change.
 */
public final class LegacyDetails {

    private LegacyDetails() {
    }

    public static CaseChange change(String type, String detail) {
        return change(type, detail, null, null, id -> null);
    }

    /**
     * @param referral a referral's {from office, deadline} by its id, as the referral table says
     */
    public static CaseChange change(String type, String detail, String before, String after,
                                    LongFunction<Object[]> referral) {
        return CaseChangeJson.read(type, json(type, detail, before, after, referral));
    }

    public static String json(String type, String detail, String before, String after,
                              LongFunction<Object[]> referral) {
        try {
            return V17__Typed_case_changes.convert(type, detail, before, after, referral::apply);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
