package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.problem.StrictJson;

/** The contract v1 reader: tolerant of unknown fields, strict about fractions and NUL (issue 21). */
class PartnerIntakeParseTest {

    static final String MESSAGE = """
            {"externalId": "110-1", "channel": "POLICE_110", "disputeType": "NEIGHBOR", "summary": "楼上漏水",
             "regionCode": "310118104", "peopleInvolved": 2,
             "parties": [{"role": "APPLICANT", "kind": "PERSON", "name": "张三"}]}
            """;

    static ReferralMessage parse(String json) {
        return new PartnerIntake().parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static List<Problem.FieldError> refusal(String json) {
        try {
            parse(json);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            return e.problem().errors();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void fieldsOfALaterVersionArePassedOver() {
        ReferralMessage m = parse(MESSAGE.replace("\"channel\"", "\"colour\": \"red\", \"channel\"")
                .replace("\"name\": \"张三\"", "\"name\": \"张三\", \"nickname\": \"三儿\""));
        assertThat(m.externalId).isEqualTo("110-1");
        assertThat(m.parties.get(0).name).isEqualTo("张三");
    }

    @Test
    void aFractionOrANulIsRefusedByName() {
        assertThat(refusal(MESSAGE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.5")))
                .containsExactly(new Problem.FieldError("peopleInvolved", StrictJson.NOT_WHOLE));
        assertThat(refusal(MESSAGE.replace("\"张三\"", "\"张\\u0000三\"")))
                .containsExactly(new Problem.FieldError("parties[0].name", StrictJson.NUL));
        assertThat(refusal(MESSAGE.replace("\"channel\"", "\"colour\": \"r\\u0000\", \"channel\"")))
                .containsExactly(new Problem.FieldError("colour", StrictJson.NUL));
    }

    @Test
    void malformedJsonIsStillNamedBody() {
        assertThatThrownBy(() -> parse("{\"externalId\": ")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("body"));
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(ProblemException.class);
    }

    @Test
    void aNulInAFileRowIsRefusedByColumn() {
        CsvReferrals columns = new CsvReferrals(List.of("externalId", "summary", "peopleInvolved"));
        List<Problem.FieldError> errors = new ArrayList<>();
        columns.message(List.of("E-1", "楼上\0漏水", "2.5"), errors);
        assertThat(errors).containsExactly(new Problem.FieldError("summary", StrictJson.NUL),
                new Problem.FieldError("peopleInvolved", "not a whole number"));
    }
}
