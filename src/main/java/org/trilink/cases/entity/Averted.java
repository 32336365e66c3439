package org.trilink.cases.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a concluded dispute was kept from turning into, as the report counts it in cases and
 * people: a criminal case (防止民间纠纷转化为刑事案件, 防止民转刑) and a mass petition
 * (防止群体性上访). A flag's people are optional (null: not recorded, as for cases flagged before
 * the counts existed; statistics then count the case's people involved), but a count stands only
 * with its flag and is a whole number from 1 to {@link #MOST_PEOPLE}.
 */
public record Averted(boolean criminalCase, Integer criminalCasePeople, boolean massPetition,
                      Integer massPetitionPeople) {

    /** The most people one case can be said to have kept from an escalation. */
    public static final int MOST_PEOPLE = 100_000;

    /** Kept from neither. */
    public static final Averted NONE = new Averted(false, null, false, null);

    /** The field names the API and the ledger use for the counts. */
    public static final String CRIMINAL_CASE_PEOPLE = "criminalCaseAvertedPeople";
    public static final String MASS_PETITION_PEOPLE = "massPetitionAvertedPeople";

    /**
     * What is wrong with these flags and counts, by field name (the API's and the ledger's keys),
     * in English: empty when they may be recorded.
     */
    public Map<String, String> faults() {
        Map<String, String> faults = new LinkedHashMap<>();
        fault(faults, CRIMINAL_CASE_PEOPLE, criminalCase, criminalCasePeople, "criminalCaseAverted");
        fault(faults, MASS_PETITION_PEOPLE, massPetition, massPetitionPeople, "massPetitionAverted");
        return faults;
    }

    private static void fault(Map<String, String> faults, String field, boolean flag, Integer people, String flagName) {
        if (people == null) {
            return;
        }
        if (!flag) {
            faults.put(field, "a number of people needs " + flagName + ": true");
        } else if (people < 1 || people > MOST_PEOPLE) {
            faults.put(field, "must be a whole number from 1 to " + MOST_PEOPLE);
        }
    }

    /** Whether either flag is set. */
    public boolean any() {
        return criminalCase || massPetition;
    }
}
