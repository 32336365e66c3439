package org.trilink.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.calendar.boundary.CalendarResource;
import org.trilink.cases.boundary.CaseIntakeRequest;
import org.trilink.cases.boundary.CaseMoveRequests;
import org.trilink.platform.problem.StrictJson.UnknownFields;

class StrictJsonTest {

    static final String INTAKE = """
            {"channel": "WALK_IN", "disputeType": "NEIGHBOR", "summary": "楼上漏水", "regionCode": "310118104",
             "amountInvolved": 12000.50, "peopleInvolved": 2, "riskLevel": "LOW",
             "parties": [{"role": "APPLICANT", "kind": "PERSON", "name": "张三"}]}
            """;

    static JsonValue tree(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    static List<Problem.FieldError> faults(String json, UnknownFields unknown) {
        return StrictJson.faults(tree(json), CaseIntakeRequest.class, unknown);
    }

    @Test
    void aWellFormedIntakeHasNoFaults() {
        assertThat(faults(INTAKE, UnknownFields.REFUSE)).isEmpty();
        assertThat(faults(INTAKE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.0"), UnknownFields.REFUSE))
                .as("2.0 is whole: nothing is cut").isEmpty();
    }

    @Test
    void unknownFieldsAreNamedWhereverTheyAre() {
        String json = INTAKE.replace("\"riskLevel\"", "\"colour\": \"red\", \"riskLevel\"")
                .replace("\"name\": \"张三\"", "\"name\": \"张三\", \"nickname\": {\"x\": 1}");
        assertThat(faults(json, UnknownFields.REFUSE)).containsExactly(
                new Problem.FieldError("colour", StrictJson.UNKNOWN),
                new Problem.FieldError("parties[0].nickname", StrictJson.UNKNOWN));
        assertThat(faults(json, UnknownFields.IGNORE)).as("the partner contract's tolerant reader").isEmpty();
    }

    @Test
    void aFractionForAWholeNumberIsNamed() {
        String json = INTAKE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.5");
        assertThat(faults(json, UnknownFields.REFUSE))
                .containsExactly(new Problem.FieldError("peopleInvolved", StrictJson.NOT_WHOLE));
        assertThat(faults(json, UnknownFields.IGNORE))
                .containsExactly(new Problem.FieldError("peopleInvolved", StrictJson.NOT_WHOLE));
        assertThat(faults(INTAKE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 3e10"), UnknownFields.REFUSE))
                .extracting(Problem.FieldError::field).containsExactly("peopleInvolved");
        assertThat(faults(INTAKE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 1e999999999"), UnknownFields.REFUSE))
                .as("refused without making the number").extracting(Problem.FieldError::field)
                .containsExactly("peopleInvolved");
    }

    /** Why the check is needed at all: JSON-B alone cuts the fraction off without a word. */
    @Test
    void jsonbAloneWouldCutTheFraction() throws Exception {
        try (var jsonb = JsonbBuilder.create()) {
            CaseIntakeRequest r = jsonb.fromJson(INTAKE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.5")
                    .replace("\"riskLevel\"", "\"colour\": \"red\", \"riskLevel\""), CaseIntakeRequest.class);
            assertThat(r.peopleInvolved).isEqualTo(2);
        }
    }

    @Test
    void aNulCharacterIsNamedInAnyTextEvenAnIgnoredField() {
        String json = INTAKE.replace("楼上漏水", "楼上\\u0000漏水").replace("\"张三\"", "\"张\\u0000三\"");
        assertThat(faults(json, UnknownFields.REFUSE)).containsExactly(
                new Problem.FieldError("summary", StrictJson.NUL),
                new Problem.FieldError("parties[0].name", StrictJson.NUL));
        String ignored = INTAKE.replace("\"riskLevel\"", "\"note\": [\"a\\u0000\"], \"riskLevel\"");
        assertThat(faults(ignored, UnknownFields.IGNORE))
                .containsExactly(new Problem.FieldError("note[0]", StrictJson.NUL));
        assertThat(faults(INTAKE.replace("\"riskLevel\"", "\"a\\u0000b\": 1, \"riskLevel\""), UnknownFields.IGNORE))
                .containsExactly(new Problem.FieldError("a\\u0000b", StrictJson.NUL));
    }

    @Test
    void recordsAndInheritedFieldsAreKnown() {
        assertThat(StrictJson.propertiesOf(CalendarResource.DayRequest.class)).containsOnlyKeys("kind", "name");
        assertThat(StrictJson.propertiesOf(CaseMoveRequests.PartyCorrection.class))
                .containsKeys("reason", "name", "idNumber", "phone");
        assertThat(StrictJson.faults(tree("{\"kind\": \"HOLIDAY\", \"name\": \"x\", \"colour\": 1}"),
                CalendarResource.DayRequest.class, UnknownFields.REFUSE))
                .containsExactly(new Problem.FieldError("colour", StrictJson.UNKNOWN));
    }

    @Test
    void theBodyReaderRefusesWithEveryFaultAndReadsWhatIsClean() {
        String json = INTAKE.replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.5")
                .replace("\"riskLevel\"", "\"colour\": \"red\", \"riskLevel\"").replace("楼上漏水", "\\u0000");
        assertThatThrownBy(() -> StrictJsonBodies.read(json, CaseIntakeRequest.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::field)
                            .containsExactly("summary", "peopleInvolved", "colour");
                });
        CaseIntakeRequest clean = (CaseIntakeRequest) StrictJsonBodies.read(INTAKE, CaseIntakeRequest.class);
        assertThat(clean.peopleInvolved).isEqualTo(2);
        assertThat(clean.parties).hasSize(1);
        assertThatThrownBy(() -> StrictJsonBodies.read("{\"channel\": ", CaseIntakeRequest.class))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("body"));
    }
}
