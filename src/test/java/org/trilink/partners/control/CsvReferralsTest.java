package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilink.partners.simulator.PartnerSimulator;
import org.trilink.platform.problem.Problem;

class CsvReferralsTest {

    @Test
    void splitsQuotedFields() {
        assertThat(CsvReferrals.split("a,\"b, c\",\"say \"\"hi\"\"\",,d\r"))
                .containsExactly("a", "b, c", "say \"hi\"", "", "d");
    }

    @Test
    void readsTheContractsColumnsIntoAReferralWithFlattenedParties() {
        String[] lines = PartnerSimulator.csv("X", "m", 1, Set.of()).split("\n");
        CsvReferrals columns = new CsvReferrals("\uFEFF" + lines[0]);
        List<Problem.FieldError> errors = new ArrayList<>();
        ReferralMessage m = columns.message(CsvReferrals.split(lines[1]), errors);
        assertThat(errors).isEmpty();
        assertThat(m.externalId).isEqualTo("X-1");
        assertThat(m.summary).isEqualTo("楼上漏水, 第1户 m");
        assertThat(m.amountInvolved).isEqualByComparingTo("1200.50");
        assertThat(m.peopleInvolved).isEqualTo(2);
        assertThat(m.targetOffice).isNull();
        assertThat(m.parties).hasSize(2);
        assertThat(m.parties.get(0).role).isEqualTo("APPLICANT");
        assertThat(m.parties.get(0).idNumber).isEqualTo("11010519491231002X");
        assertThat(m.parties.get(1).kind).isEqualTo("ORGANISATION");
        // an organisation's identifier column holds its credit code
        assertThat(m.parties.get(1).creditCode).isEqualTo("91310118MA1JL0XX5Q");
        assertThat(m.parties.get(1).idNumber).isNull();
    }

    @Test
    void reportsValuesOfTheWrongTypeByField() {
        CsvReferrals columns = new CsvReferrals(PartnerSimulator.CSV_HEADER.strip());
        List<Problem.FieldError> errors = new ArrayList<>();
        columns.message(CsvReferrals.split("E-1,POLICE_110,yesterday,NEIGHBOR,s,310118104,,lots,two"), errors);
        assertThat(errors).extracting(Problem.FieldError::field)
                .containsExactly("occurredAt", "amountInvolved", "peopleInvolved");
    }
}
