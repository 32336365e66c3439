package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trilink.partners.simulator.PartnerSimulator;
import org.trilink.platform.problem.Problem;

class CsvReferralsTest {

    /** The records of a CSV text as the partner file drop reads them. */
    static List<List<String>> records(String csv) throws java.io.IOException {
        try (var parser = CsvReferrals.FORMAT.parse(new java.io.StringReader(csv))) {
            return parser.stream().map(r -> r.toList()).toList();
        }
    }

    static List<String> fields(String line) throws java.io.IOException {
        return records(line).get(0);
    }

    @Test
    void splitsQuotedFields() throws Exception {
        assertThat(fields("a,\"b, c\",\"say \"\"hi\"\"\",,d\r\n"))
                .containsExactly("a", "b, c", "say \"hi\"", "", "d");
    }

    @Test
    void aQuotedLineBreakStaysInItsFieldAndBlankLinesKeepTheirNumber() throws Exception {
        List<List<String>> records = records("externalId,summary\r\nE-1,\"楼上漏水\n第二行\"\r\n\r\nE-2,x\r\n");
        assertThat(records).hasSize(4);
        assertThat(records.get(1)).containsExactly("E-1", "楼上漏水\n第二行");
        assertThat(records.get(3)).containsExactly("E-2", "x");
        CsvReferrals columns = new CsvReferrals(records.get(0));
        assertThat(columns.message(records.get(1), new ArrayList<>()).summary).isEqualTo("楼上漏水\n第二行");
    }

    @Test
    void readsTheContractsColumnsIntoAReferralWithFlattenedParties() throws Exception {
        List<List<String>> records = records("\uFEFF" + PartnerSimulator.csv("X", "m", 1, Set.of()));
        CsvReferrals columns = new CsvReferrals(records.get(0));
        List<Problem.FieldError> errors = new ArrayList<>();
        ReferralMessage m = columns.message(records.get(1), errors);
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
    void reportsValuesOfTheWrongTypeByField() throws Exception {
        CsvReferrals columns = new CsvReferrals(fields(PartnerSimulator.CSV_HEADER.strip()));
        List<Problem.FieldError> errors = new ArrayList<>();
        columns.message(fields("E-1,POLICE_110,yesterday,NEIGHBOR,s,310118104,,lots,two"), errors);
        assertThat(errors).extracting(Problem.FieldError::field)
                .containsExactly("occurredAt", "amountInvolved", "peopleInvolved");
    }
}
