package org.trilink.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.UUID;

/** Calls TriLink's REST API as one of the demo users, the way a script would (HTTP Basic). */
public final class Api {

    private final String base;

    public Api(URL base) {
        String s = base.toExternalForm();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public String base() {
        return base;
    }

    public RequestSpecification as(String user) {
        return given().baseUri(base).auth().preemptive().basic(user, user + "-demo")
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Calls as an account the test made, with its own password (and no second factor). */
    public RequestSpecification as(String user, String password) {
        return given().baseUri(base).auth().preemptive().basic(user, password)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /**
     * The change an account must make before anything else when the admin has set its password (a
     * new account, a reset): from {@code given} to {@code chosen}, as the person would at
     * {@code POST /api/v1/me/password}. Returns the new password.
     */
    public String changeDuePassword(String user, String given, String chosen) {
        as(user, given).get("/api/v1/regions").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:trilink:problem:password-change-required"));
        as(user, given).body("{\"currentPassword\": \"" + given + "\", \"newPassword\": \"" + chosen + "\"}")
                .post("/api/v1/me/password").then().statusCode(204);
        return chosen;
    }

    public RequestSpecification anonymous() {
        return given().baseUri(base);
    }

    /**
     * The server's working calendar for {@code year} and the year after, as the API gives it:
     * which days work (deadlines are counted in their hours).
     */
    public java.util.function.Predicate<java.time.LocalDate> workingCalendar(int year) {
        java.util.Map<java.time.LocalDate, String> days = new java.util.HashMap<>();
        for (int y = year; y <= year + 1; y++) {
            io.restassured.path.json.JsonPath cal = as("admin").get("/api/v1/calendar/" + y).then().statusCode(200)
                    .extract().jsonPath();
            java.util.List<String> dates = cal.getList("days.day");
            java.util.List<String> kinds = cal.getList("days.kind");
            for (int i = 0; i < dates.size(); i++) {
                days.put(java.time.LocalDate.parse(dates.get(i)), kinds.get(i));
            }
        }
        return d -> days.containsKey(d) ? days.get(d).equals("WORKDAY")
                : d.getDayOfWeek().getValue() <= java.time.DayOfWeek.FRIDAY.getValue();
    }

    /** A unique word to find the test's own cases again by text search. */
    public static String marker() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A valid intake body for a neighbour dispute in Zhaoxiang, with the given summary marker. */
    public static String intake(String marker) {
        return """
                {"channel": "POLICE_110", "disputeType": "NEIGHBOR",
                 "summary": "楼上漏水，双方多次争吵 %s",
                 "regionCode": "310118104", "address": "青浦区赵巷镇某路1号",
                 "amountInvolved": 12000.00, "peopleInvolved": 2, "riskLevel": "LOW",
                 "occurredAt": "2026-01-10T09:15:00+08:00",
                 "parties": [
                   {"role": "APPLICANT", "kind": "PERSON", "name": "张三",
                    "idNumber": "11010519491231002X", "phone": "13800138000"},
                   {"role": "RESPONDENT", "kind": "ORGANISATION", "name": "某物业公司",
                    "creditCode": "91310118MA1JL0XX5Q"}
                 ]}
                """.formatted(marker);
    }
}
