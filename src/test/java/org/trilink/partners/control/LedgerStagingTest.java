package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What makes two ledger rows "the same row imported again" rather than a conflict. */
class LedgerStagingTest {

    @Test
    void aRowSavedAgainHashesTheSameAndAChangedFactDoesNot() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ledgerId", "L-1");
        row.put("receivedAt", "2024-03-05");
        row.put("summary", "邻里  噪音");
        row.put("amountInvolved", "5000");
        row.put("address", "");
        String hash = LedgerStaging.contentHash(row);
        assertThat(hash).hasSize(64);

        // other column order, blanks around and inside values, a blank column more or less: the same row
        Map<String, String> again = new LinkedHashMap<>();
        again.put("amountInvolved", " 5000 ");
        again.put("summary", "邻里 噪音");
        again.put("receivedAt", "2024-03-05");
        again.put("ledgerId", "L-1");
        again.put("respondentName", "  ");
        assertThat(LedgerStaging.contentHash(again)).isEqualTo(hash);

        Map<String, String> changed = new LinkedHashMap<>(row);
        changed.put("amountInvolved", "6000");
        assertThat(LedgerStaging.contentHash(changed)).isNotEqualTo(hash);
        // a value moved to another column is another row
        Map<String, String> moved = new LinkedHashMap<>(row);
        moved.remove("amountInvolved");
        moved.put("agreementAmount", "5000");
        assertThat(LedgerStaging.contentHash(moved)).isNotEqualTo(hash);
    }
}
