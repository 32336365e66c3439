package org.trilink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trilink.testing.Api;
import org.trilink.testing.Deployments;
import org.trilink.testing.Eventually;
import org.trilink.testing.SmsGateway;

/**
 * The foundation as a script or a partner meets it: login, reference data, intake, reading,
 * listing, masking, access by office, and every way a bad request is refused without a trace
 * in the database.
 */
@ExtendWith(ArquillianExtension.class)
class CaseApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.trilinkWar().addClass(WrittenOnAnotherInstance.class).addClass(CodesGrowOld.class);
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    @Test
    void everyEndpointNeedsCredentialsButHealthOpenApiAndLogin() {
        api.anonymous().get("/api/v1/cases").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("status", equalTo(401));
        api.anonymous().get("/api/v1/regions").then().statusCode(401);
        api.anonymous().auth().preemptive().basic("police", "wrong-password").get("/api/v1/cases").then()
                .statusCode(401);
        api.anonymous().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", containsString("/login"));
        api.anonymous().get("/login").then().statusCode(200).body(containsString("password"));

        api.anonymous().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String openapi = api.anonymous().get("/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/cases", "/api/v1/cases/{caseNumber}", "/api/v1/regions",
                "/api/v1/offices", "/api/v1/cases/{caseNumber}/history");
    }

    /**
     * Password guessing (等保三级): a first wrong password is a typo and costs nothing; then each
     * failure makes the name wait longer (429 with Retry-After, the password not even checked),
     * the fifth locks the account, on the form as on Basic, until the admin unlocks it. An unknown
     * name is treated alike and refused in the same time. An address is slowed after many
     * failures, whatever the names (here through the trusted proxy's X-Forwarded-For).
     */
    @Test
    void passwordGuessingIsSlowedThenLockedUntilTheAdminUnlocks() throws Exception {
        String name = "guess" + Api.marker().toLowerCase();
        String staff = """
                {"username": "%s", "displayName": "猜测对象", "officeCode": "JO-ZHAOXIANG", "roles": ["STAFF"],
                 "password": "right-password-1"}""".formatted(name);
        api.as("admin").body(staff).post("/api/v1/staff").then().statusCode(201);
        // the first password, set by the admin, is changed before anything else
        String right = api.changeDuePassword(name, "right-password-1", "Right-password-2");
        String from = "203.0.113.21";
        basic(name, "wrong-1", from).then().statusCode(401);
        basic(name, "wrong-2", from).then().statusCode(401);
        // the right password at once: too soon after two failures, refused unchecked
        var soon = basic(name, right, from);
        soon.then().statusCode(429).contentType(containsString("application/problem+json"))
                .header("Retry-After", equalTo("1")).body("locked", equalTo(false));
        for (int failure = 3; failure <= 5; failure++) {
            Thread.sleep(1000L * Long.parseLong(basic(name, "wrong", from).then().statusCode(429).extract()
                    .header("Retry-After")) + 50);
            basic(name, "wrong-" + failure, from).then().statusCode(401);
        }
        var locked = basic(name, right, from);
        locked.then().statusCode(429).body("locked", equalTo(true));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 900L);
        // the same lock on the login form, said in Chinese
        var form = io.restassured.RestAssured.given().baseUri(api.base().replaceFirst("//[^:/]+", "//127.0.0.1"))
                .redirects().follow(false).header("X-Forwarded-For", from)
                .contentType(ContentType.URLENC).formParam("username", name).formParam("password", right)
                .post("/login");
        form.then().statusCode(302).header("Location", containsString("error=locked"));
        String page = api.anonymous().header("Accept-Language", "zh-CN")
                .get(form.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("账户已锁定").contains("15 分钟");
        // another address does not help
        basic(name, right, "203.0.113.22").then().statusCode(429);

        api.as("police").get("/api/v1/staff/locks").then().statusCode(403);
        api.as("admin").get("/api/v1/staff/locks").then().statusCode(200)
                .body("find { it.username == '%s' }.failures".formatted(name), equalTo(5));
        api.as("police").post("/api/v1/staff/" + name + "/unlock").then().statusCode(403);
        api.as("admin").post("/api/v1/staff/nobody-here/unlock").then().statusCode(404);
        api.as("admin").post("/api/v1/staff/" + name + "/unlock").then().statusCode(204);
        basic(name, right, from).then().statusCode(200);
        api.as("admin").get("/api/v1/staff/locks").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.not(hasItem(name)));

        // the security audit trail tells the story, for the admin only, chained and exportable
        JsonPath trail = api.as("admin").queryParam("name", name).queryParam("size", 200)
                .get("/api/v1/security-events").then().statusCode(200).extract().jsonPath();
        List<String> kinds = trail.getList("events.kind");
        assertThat(kinds).containsSubsequence("SIGNED_IN", "UNLOCKED", "LOCKED", "SIGN_IN_FAILED", "ACCOUNT_CREATED");
        assertThat(kinds.stream().filter("SIGN_IN_FAILED"::equals)).hasSize(5);
        assertThat(trail.getString("events.find { it.kind == 'UNLOCKED' }.actor")).isEqualTo("admin");
        assertThat(trail.getString("events.find { it.kind == 'LOCKED' }.address")).isEqualTo(from);
        assertThat(trail.getString("events.find { it.kind == 'ACCOUNT_CREATED' }.actor")).isEqualTo("admin");
        api.as("police").get("/api/v1/security-events").then().statusCode(403);
        api.as("admin").queryParam("kind", "BOGUS").get("/api/v1/security-events").then().statusCode(400);
        api.as("admin").get("/api/v1/security-events/verification").then().statusCode(200)
                .body("intact", equalTo(true));
        byte[] xlsx = api.as("admin").queryParam("name", name).accept("*/*").get("/api/v1/security-events/export.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(kinds.size());
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("SIGNED_IN");
        }

        // an unknown name is slowed exactly alike: nothing tells it from a known one
        String unknown = "nobody" + Api.marker().toLowerCase();
        basic(unknown, "wrong-1", "203.0.113.23").then().statusCode(401);
        basic(unknown, "wrong-2", "203.0.113.23").then().statusCode(401);
        basic(unknown, "wrong-3", "203.0.113.23").then().statusCode(429).header("Retry-After", equalTo("1"));

        // and refused in the same time: first wrong passwords of fresh known names and of unknown
        // names, each from an address of its own (medians; the machine is noisy)
        List<Long> known = new java.util.ArrayList<>();
        List<Long> unknownTimes = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String k = "timed" + i + Api.marker().toLowerCase();
            api.as("admin").body(staff.replace(name, k)).post("/api/v1/staff").then().statusCode(201);
            long t0 = System.nanoTime();
            basic(k, "wrong", "198.51.100." + (10 + i)).then().statusCode(401);
            known.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            basic("none" + Api.marker().toLowerCase(), "wrong", "198.51.100." + (30 + i)).then().statusCode(401);
            unknownTimes.add(System.nanoTime() - t0);
        }
        known.sort(null);
        unknownTimes.sort(null);
        // before, an unknown name was refused in 5-8 ms and a known one in 33-69 ms
        assertThat((double) unknownTimes.get(3)).isGreaterThan(known.get(3) * 0.6);

        // an address is free for 12 failures, whatever the names, then slowed (never locked)
        String address = "203.0.113.99";
        for (int i = 0; i < 13; i++) {
            basic("spray" + i + Api.marker().toLowerCase(), "wrong", address).then().statusCode(401);
        }
        basic("spray" + Api.marker().toLowerCase(), "wrong", address).then().statusCode(429)
                .header("Retry-After", equalTo("1"));
        basic("spray" + Api.marker().toLowerCase(), "wrong", "203.0.113.98").then().statusCode(401);
    }

    /**
     * The password policy at every door: the admin's account creation and reset, and a person's
     * own change (which needs the current password): at least 10 characters of 3 kinds, not the
     * user name, none of the last 5.
     */
    @Test
    void passwordsFollowThePolicyAtEveryDoor() {
        String name = "policy" + Api.marker().toLowerCase().substring(0, 8);
        String staff = """
                {"username": "%s", "displayName": "密码策略", "officeCode": "JO-ZHAOXIANG", "roles": ["STAFF"],
                 "password": "%s"}""";
        api.as("admin").body(staff.formatted(name, "onlylowercase")).post("/api/v1/staff").then().statusCode(400)
                .body("errors.find { it.field == 'password' }.message", containsString("3 kinds"));
        api.as("admin").body(staff.formatted(name, "X1-" + name)).post("/api/v1/staff").then().statusCode(400)
                .body("errors.find { it.field == 'password' }.message", containsString("user name"));
        api.as("admin").body(staff.formatted(name, "First-pass-1")).post("/api/v1/staff").then().statusCode(201);

        var self = api.anonymous().auth().preemptive().basic(name, "First-pass-1").contentType(ContentType.JSON);
        self.body("{\"currentPassword\": \"wrong\", \"newPassword\": \"Second-pass-2\"}").post("/api/v1/me/password")
                .then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        self.body("{\"currentPassword\": \"First-pass-1\", \"newPassword\": \"short1A\"}").post("/api/v1/me/password")
                .then().statusCode(400).body("errors.field", hasItem("newPassword"));
        self.body("{\"currentPassword\": \"First-pass-1\", \"newPassword\": \"First-pass-1\"}").post("/api/v1/me/password")
                .then().statusCode(400).body("errors.find { it.field == 'newPassword' }.message", containsString("last 5"));
        self.body("{\"currentPassword\": \"First-pass-1\", \"newPassword\": \"Second-pass-2\"}").post("/api/v1/me/password")
                .then().statusCode(204);
        api.anonymous().auth().preemptive().basic(name, "First-pass-1").get("/api/v1/regions").then().statusCode(401);
        api.anonymous().auth().preemptive().basic(name, "Second-pass-2").get("/api/v1/regions").then().statusCode(200);
        // the admin's reset may not bring an old one back either
        api.as("admin").body("{\"password\": \"First-pass-1\"}").post("/api/v1/staff/" + name + "/password").then()
                .statusCode(400).body("errors.field", hasItem("password"));
        api.as("admin").body("{\"password\": \"Third-pass-3\"}").post("/api/v1/staff/" + name + "/password").then()
                .statusCode(204);
        // a password the admin reset is due to be changed at once, like a new account's
        api.as(name, "Third-pass-3").get("/api/v1/regions").then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:trilink:problem:password-change-required"))
                .body("detail", containsString("password must be changed"));
        JsonPath trail = api.as("admin").queryParam("name", name).get("/api/v1/security-events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("events.kind")).containsSubsequence("PASSWORD_RESET", "PASSWORD_CHANGED",
                "ACCOUNT_CREATED");
        // a partner's or an anonymous caller has no password to change here
        api.anonymous().contentType(ContentType.JSON).body("{\"currentPassword\": \"a\", \"newPassword\": \"b\"}")
                .post("/api/v1/me/password").then().statusCode(401);
    }

    /**
     * An account with administrative rights, made by the admin: its first password must be changed
     * before anything else (403 problem), then it enrols two factors over the API, computing the
     * codes from the secret as an authenticator app does. From then on Basic needs a code in
     * X-TriLink-OTP (401 without), each code works once, each recovery code once; the admin's reset
     * ends it. The audit trail tells each step.
     */
    @Test
    void anAdminMadeAdminChangesThePasswordThenSignsInWithTwoFactors() {
        String name = "totp" + Api.marker().toLowerCase().substring(1, 9);
        api.as("admin").body("""
                {"username": "%s", "displayName": "双因素管理员", "roles": ["ADMIN"], "password": "First-pass-1"}"""
                .formatted(name)).post("/api/v1/staff").then().statusCode(201);
        api.as(name, "First-pass-1").get("/api/v1/staff").then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:trilink:problem:password-change-required"))
                .body("title", equalTo("Password must be changed"))
                .body("detail", containsString("password must be changed"));
        api.as(name, "First-pass-1").post("/api/v1/me/two-factor").then().statusCode(403);
        String password = api.changeDuePassword(name, "First-pass-1", "Second-pass-2");
        api.as(name, password).get("/api/v1/staff").then().statusCode(200);

        // enrolment: the secret and its URI, confirmed by a first code
        JsonPath start = api.as(name, password).post("/api/v1/me/two-factor").then().statusCode(200).extract().jsonPath();
        byte[] secret = org.trilink.platform.security.Totp.fromBase32(start.getString("secret"));
        assertThat(start.getString("otpauthUri")).startsWith("otpauth://totp/TriLink:" + name + "?secret="
                + start.getString("secret"));
        long step = org.trilink.platform.security.Totp.step(System.currentTimeMillis() / 1000);
        api.as(name, password).body("{\"code\": \"000000\"}".replace("000000",
                        org.trilink.platform.security.Totp.code(secret, step - 5)))
                .post("/api/v1/me/two-factor/confirm").then().statusCode(400).body("errors.field", hasItem("code"));
        List<String> recovery = api.as(name, password)
                .body("{\"code\": \"" + org.trilink.platform.security.Totp.code(secret, step) + "\"}")
                .post("/api/v1/me/two-factor/confirm").then().statusCode(200).extract().jsonPath()
                .getList("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        // Basic now needs the code: without it a 401 problem that says so
        api.as(name, password).get("/api/v1/staff").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("X-TriLink-OTP"));
        String next = org.trilink.platform.security.Totp.code(secret, step + 1); // the confirmation took step
        api.as(name, password).header("X-TriLink-OTP", next).get("/api/v1/staff").then().statusCode(200);
        api.as(name, password).header("X-TriLink-OTP", next).get("/api/v1/staff").then().statusCode(401)
                .body("detail", containsString("X-TriLink-OTP"));
        // a recovery code works once
        api.as(name, password).header("X-TriLink-OTP", recovery.get(0)).get("/api/v1/staff").then().statusCode(200);
        api.as(name, password).header("X-TriLink-OTP", recovery.get(0)).get("/api/v1/staff").then().statusCode(401);
        // a wrong password is no better with a good code
        api.as(name, "Wrong-pass-9").header("X-TriLink-OTP", recovery.get(1)).get("/api/v1/staff").then()
                .statusCode(anyOf(equalTo(401), equalTo(429)));

        // the admin resets the two factors (a lost phone): the password alone signs in again
        api.as("police").delete("/api/v1/staff/" + name + "/two-factor").then().statusCode(403);
        api.as("admin").delete("/api/v1/staff/" + name + "/two-factor").then().statusCode(204);
        await429(() -> api.as(name, password).get("/api/v1/staff").statusCode());
        api.as(name, password).get("/api/v1/staff").then().statusCode(200);
        api.as(name, password).header("X-TriLink-OTP", recovery.get(2)).get("/api/v1/regions").then().statusCode(200);

        JsonPath trail = api.as("admin").queryParam("name", name).queryParam("size", 200)
                .get("/api/v1/security-events").then().statusCode(200).extract().jsonPath();
        List<String> kinds = trail.getList("events.kind");
        assertThat(kinds).containsSubsequence("TWO_FACTOR_RESET", "RECOVERY_CODE_USED", "TWO_FACTOR_FAILED",
                "TWO_FACTOR_ENROLLED", "PASSWORD_CHANGED", "ACCOUNT_CREATED");
        assertThat(trail.getString("events.find { it.kind == 'TWO_FACTOR_RESET' }.actor")).isEqualTo("admin");
        assertThat(trail.<String>getList("events.findAll { it.kind == 'TWO_FACTOR_FAILED' }.detail"))
                .contains("basic, no code", "basic");
        String events = api.as("admin").queryParam("name", name).queryParam("size", 200)
                .get("/api/v1/security-events").asString();
        assertThat(events).doesNotContain(next).doesNotContain(recovery.get(0)).doesNotContain(start.getString("secret"));
    }

    /** Waits out a sign-in delay (429) that failures just before may have left. */
    private static void await429(java.util.function.IntSupplier call) {
        for (int i = 0; i < 10 && call.getAsInt() == 429; i++) {
            try {
                Thread.sleep(1100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A call through the loopback address, which the tests' configuration trusts as a proxy
     * (TRILINK_SECURITY_TRUSTED_PROXIES), so that {@code from} is the client address counted.
     */
    /**
     * /metrics (issue 22) is for monitoring only: without credentials 401, an account without the
     * role METRICS 403; a monitoring account that the admin gives the role METRICS reads it, and so
     * does a caller from the monitoring network (TRILINK_SECURITY_METRICS_NETWORKS, 203.0.113.0/24 in
     * the ITs) through the trusted proxy, but not one from elsewhere.
     */
    @Test
    void metricsAreForTheMonitoringAccountOrNetworkOnly() {
        api.anonymous().accept("text/plain").get("/metrics").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic")).contentType(containsString("application/problem+json"));
        api.as("police").accept("text/plain").get("/metrics").then().statusCode(403);
        String name = "monitor" + Api.marker().toLowerCase();
        api.as("admin").body("""
                {"username": "%s", "displayName": "监控系统", "roles": ["METRICS"], "password": "Watch-all-9"}"""
                .formatted(name)).post("/api/v1/staff").then().statusCode(201);
        api.anonymous().auth().preemptive().basic(name, "Watch-all-9").accept("text/plain").get("/metrics").then()
                .statusCode(200).contentType(containsString("text/plain")).body(containsString("# TYPE"));
        metricsFrom("203.0.113.40").then().statusCode(200).body(containsString("# TYPE"));
        metricsFrom("198.51.100.40").then().statusCode(401);
    }

    private io.restassured.response.Response metricsFrom(String from) {
        return io.restassured.RestAssured.given().baseUri(api.base().replaceFirst("//[^:/]+", "//127.0.0.1"))
                .header("X-Forwarded-For", from).accept("text/plain").get("/metrics");
    }

    private io.restassured.response.Response basic(String user, String password, String from) {
        return io.restassured.RestAssured.given().baseUri(api.base().replaceFirst("//[^:/]+", "//127.0.0.1"))
                .auth().preemptive().basic(user, password).header("X-Forwarded-For", from)
                .accept(ContentType.JSON).get("/api/v1/regions");
    }

    @Test
    void formLoginKeepsThePersonSignedIn() {
        var login = api.anonymous().redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("username", "mediator").formParam("password", "mediator-demo")
                .post("/login");
        login.then().statusCode(302);
        assertThat(login.getCookie("JSESSIONID")).isNotBlank();
        // the session cookies as a browser keeps them (JSESSIONID with JSESSIONIDVERSION: the application is distributable)
        api.anonymous().cookies(login.getCookies()).get("/api/v1/regions").then().statusCode(200);

        api.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "mediator").formParam("password", "nope").post("/login")
                .then().statusCode(302).header("Location", containsString("error"));
    }

    /**
     * What an assessor's scanner checks: the session cookie is HttpOnly and SameSite=Lax (Secure
     * once served over HTTPS), every answer forbids sniffing, framing and cross-site referrers,
     * pages carry a script policy with a nonce and no 'unsafe-inline' scripts, the API's data a
     * policy that loads nothing; another site cannot sign a visitor in (login CSRF).
     */
    @Test
    void headersCookiesAndNoSignInFromAnotherSite() {
        var login = api.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "mediator").formParam("password", "mediator-demo").post("/login");
        login.then().statusCode(302);
        String setCookie = login.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");

        var page = api.anonymous().cookies(login.getCookies()).get("/cases/list.xhtml");
        page.then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin")).header("X-Frame-Options", equalTo("DENY"));
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("frame-ancestors 'none'").contains("object-src 'none'")
                .containsPattern("script-src 'self' 'nonce-[^']+'");
        assertThat(policy.substring(policy.indexOf("script-src"))).doesNotContain("unsafe-inline");
        String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(page.asString()).contains("nonce=\"" + nonce + "\"");
        assertThat(page.headers().getValues("Strict-Transport-Security")).isEmpty(); // plain HTTP here

        api.as("police").get("/api/v1/regions").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
        api.anonymous().get("/api/v1/regions").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"));

        // login CSRF: a form on another site posting the attacker's credentials
        api.anonymous().redirects().follow(false).contentType(ContentType.URLENC).header("Origin", "https://evil.example")
                .formParam("username", "mediator").formParam("password", "mediator-demo").post("/login")
                .then().statusCode(403);
        api.anonymous().redirects().follow(false).contentType(ContentType.URLENC).header("Sec-Fetch-Site", "cross-site")
                .formParam("username", "mediator").formParam("password", "mediator-demo").post("/login")
                .then().statusCode(403);
        api.anonymous().redirects().follow(false).contentType(ContentType.URLENC).header("Sec-Fetch-Site", "same-origin")
                .formParam("username", "mediator").formParam("password", "mediator-demo").post("/login")
                .then().statusCode(302).header("Location", org.hamcrest.Matchers.not(containsString("error")));
    }

    @Test
    void regionsAndOfficesOfTheDistrict() {
        JsonPath regions = api.as("police").get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
        assertThat(regions.getList("code")).hasSize(12).contains("310118", "310118104");
        assertThat(regions.getList("nameZh")).contains("青浦区", "赵巷镇", "徐泾镇", "华新镇", "重固镇", "白鹤镇",
                "朱家角镇", "练塘镇", "金泽镇", "夏阳街道", "盈浦街道", "香花桥街道");

        JsonPath offices = api.as("police").get("/api/v1/offices").then().statusCode(200).extract().jsonPath();
        List<String> types = offices.getList("type");
        assertThat(types.stream().filter("JUDICIAL_OFFICE"::equals)).hasSize(11);
        assertThat(types.stream().filter("POLICE_STATION"::equals)).hasSize(11);
        assertThat(types.stream().filter("LAW_FIRM"::equals)).hasSize(4);
        assertThat(types).contains("MEDIATION_COMMITTEE", "COURT", "HOTLINE");

        api.as("police").queryParam("type", "LAW_FIRM").get("/api/v1/offices").then().statusCode(200)
                .body("size()", equalTo(4));
        api.as("police").queryParam("type", "BAKERY").get("/api/v1/offices").then().statusCode(400)
                .body("errors.field", hasItem("type"));
    }

    @Test
    void intakeThenReadBackWithPartiesAndHistory() {
        String marker = Api.marker();
        var created = api.as("police").body(Api.intake(marker)).post("/api/v1/cases");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/cases/TL"))
                .body("status", equalTo("RECEIVED"))
                .body("handlingOfficeCode", equalTo("PS-ZHAOXIANG"))
                .body("intakeMode", equalTo("REFERRAL"));
        String number = created.jsonPath().getString("caseNumber");
        assertThat(number).matches("TL\\d{4}-\\d{6}");

        // the police station handles it: full personal data
        api.as("police").get("/api/v1/cases/" + number).then().statusCode(200)
                .body("caseNumber", equalTo(number))
                .body("summary", containsString(marker))
                .body("disputeType", equalTo("NEIGHBOR"))
                .body("amountInvolved", equalTo(12000.0f))
                .body("peopleInvolved", equalTo(2))
                .body("personalDataShown", equalTo(true))
                .body("parties[0].name", equalTo("张三"))
                .body("parties[0].role", equalTo("APPLICANT"))
                .body("parties[0].idNumber", equalTo("11010519491231002X"))
                .body("parties[0].phone", equalTo("13800138000"))
                .body("parties[1].kind", equalTo("ORGANISATION"))
                .body("parties[1].creditCode", equalTo("91310118MA1JL0XX5Q"));

        // the district admin sees it, masked
        api.as("admin").get("/api/v1/cases/" + number).then().statusCode(200)
                .body("personalDataShown", equalTo(false))
                .body("parties[0].idNumber", equalTo("1101**********002X"))
                .body("parties[0].phone", equalTo("138****8000"));

        // another office does not learn that the case exists; a drafter has no business here
        api.as("mediator2").get("/api/v1/cases/" + number).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        api.as("drafter").get("/api/v1/cases/" + number).then().statusCode(403);
        api.as("drafter").get("/api/v1/cases").then().statusCode(403);

        api.as("police").get("/api/v1/cases/" + number + "/history").then().statusCode(200)
                .body("[0].type", equalTo("RECEIVED"))
                .body("[0].actor", equalTo("police"))
                .body("[0].officeCode", equalTo("PS-ZHAOXIANG"));
        api.as("mediator2").get("/api/v1/cases/" + number + "/history").then().statusCode(404);

        // in a cluster the other instance's next event may carry a lower id (ids come in blocks
        // per instance): the history still lists events in the order they happened
        long lowId = api.as("admin").post("/api/v1/test-fixtures/cases/" + number + "/event").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        var events = api.as("police").get("/api/v1/cases/" + number + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("type", String.class)).containsExactly("RECEIVED", "RISK_CHANGED");
        assertThat(events.getLong("[1].id")).isEqualTo(lowId);
        assertThat(events.getLong("[1].id")).isLessThan(events.getLong("[0].id"));

        // the same parties again: the answer points at the open case
        api.as("police").body(Api.intake(Api.marker())).post("/api/v1/cases").then().statusCode(201)
                .body("possibleDuplicates", hasItem(number));
    }

    /**
     * Issue 20: the office that accepts a case gives it the next register number of its own, in
     * its own format, for the year of the acceptance; numbers taken at once by many clerks have no
     * gaps and no repeats; a declined case gets none; the number is shown, searched and recorded.
     */
    @Test
    void acceptedCasesGetTheOfficesNextRegisterNumbersWithoutGapsOrRepeats() throws Exception {
        String marker = Api.marker();
        int year = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonPath numbering = api.as("police").get("/api/v1/offices/PS-ZHAOXIANG/numbers").then().statusCode(200)
                .body("year", equalTo(year)).extract().jsonPath();
        int before = numbering.getInt("registerLast");
        assertThat(numbering.getString("registerNext"))
                .isEqualTo("青赵警调登〔%d〕第%04d号".formatted(year, before + 1));

        int many = 40;
        List<String[]> received = new java.util.ArrayList<>();
        for (int i = 0; i <= many; i++) {
            JsonPath c = api.as("police").body(Api.intake(marker)).post("/api/v1/cases").then().statusCode(201)
                    .body("registerNumber", equalTo(null)).extract().jsonPath();
            received.add(new String[] {c.getString("caseNumber"), c.getString("version")});
        }
        java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> accepted = new java.util.ArrayList<>();
        try {
            for (String[] c : received.subList(0, many)) {
                accepted.add(clerks.submit(() -> api.as("police").header("If-Match", "\"" + c[1] + "\"")
                        .body("{\"note\": \"材料齐全\"}").post("/api/v1/cases/" + c[0] + "/accept").statusCode()));
            }
            for (var f : accepted) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clerks.shutdownNow();
        }
        List<String> numbers = new java.util.ArrayList<>();
        for (String[] c : received.subList(0, many)) {
            numbers.add(api.as("police").get("/api/v1/cases/" + c[0]).then().statusCode(200)
                    .extract().jsonPath().getString("registerNumber"));
        }
        List<String> expected = java.util.stream.IntStream.rangeClosed(before + 1, before + many)
                .mapToObj(n -> "青赵警调登〔%d〕第%04d号".formatted(year, n)).toList();
        assertThat(numbers).as("one number each, none skipped, none twice").containsExactlyInAnyOrderElementsOf(expected);
        api.as("police").get("/api/v1/offices/PS-ZHAOXIANG/numbers?year=" + year).then().statusCode(200)
                .body("registerLast", equalTo(before + many))
                .body("registerNext", equalTo("青赵警调登〔%d〕第%04d号".formatted(year, before + many + 1)));

        // a declined case gets no number, and takes none
        String[] declined = received.get(many);
        api.as("police").header("If-Match", "\"" + declined[1] + "\"")
                .body("{\"reason\": \"已起诉至法院\", \"guidance\": \"请等待判决\"}")
                .post("/api/v1/cases/" + declined[0] + "/decline").then().statusCode(200);
        api.as("police").get("/api/v1/cases/" + declined[0]).then().statusCode(200).body("registerNumber", equalTo(null));
        api.as("police").get("/api/v1/offices/PS-ZHAOXIANG/numbers").then().body("registerLast", equalTo(before + many));

        // found by its number, typed with the brackets a keyboard has; shown in the list and the history
        String first = expected.get(0);
        String caseOfFirst = received.get(numbers.indexOf(first))[0];
        api.as("police").queryParam("q", first.replace('〔', '[').replace('〕', ']')).get("/api/v1/cases").then()
                .statusCode(200).body("items.caseNumber", equalTo(List.of(caseOfFirst)))
                .body("items[0].registerNumber", equalTo(first));
        api.as("police").get("/api/v1/cases/" + caseOfFirst + "/history").then().statusCode(200)
                .body("find { it.type == 'ACCEPTED' }.change.registerNumber", equalTo(first))
                .body("find { it.type == 'ACCEPTED' }.detail", equalTo("register number " + first + ", 材料齐全"));

        // another office's numbering is its own business
        api.as("mediator").get("/api/v1/offices/PS-ZHAOXIANG/numbers").then().statusCode(403)
                .contentType("application/problem+json");
        api.as("admin").get("/api/v1/offices/PS-ZHAOXIANG/numbers?year=20x6").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * Issue 23: a case is found by part of its number, of its register number typed with any year
     * brackets, by part of a party's name and by a phone's last four digits, within the caller's
     * office; a corrected name is found at once; the list still masks the phone.
     */
    @Test
    void searchFindsPartsOfNumbersNamesAndAPhonesLastFourDigitsWithinTheCallersCases() {
        String marker = Api.marker();
        String nameWord = marker.substring(1, 9);
        String name = "欧阳" + nameWord + "芳";
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        JsonPath created = api.as("police").body(Api.intake(marker).replace("张三", name).replace("13800138000", phone))
                .post("/api/v1/cases").then().statusCode(201).extract().jsonPath();
        String number = created.getString("caseNumber");

        // part of the case number, in lower case
        api.as("police").queryParam("q", number.substring(2).toLowerCase()).queryParam("size", 200)
                .get("/api/v1/cases").then().statusCode(200).body("items.caseNumber", hasItem(number));
        // part of a name: found, the list masking the phone
        api.as("police").queryParam("q", nameWord + "芳").get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].caseNumber", equalTo(number))
                .body("items[0].parties[0].name", equalTo(name))
                .body("items[0].parties[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        // a phone's last four digits
        api.as("police").queryParam("q", phone.substring(7)).queryParam("size", 200).get("/api/v1/cases").then()
                .statusCode(200).body("items.caseNumber", hasItem(number))
                .body("items.parties.flatten().phone", everyItem(anyOf(equalTo(null), containsString("****"))));
        // another office finds nothing of it, by name or by number
        api.as("mediator2").queryParam("q", nameWord).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(0));
        api.as("mediator2").queryParam("q", number).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(0));

        // accepted: part of its register number, typed with the brackets a keyboard has
        api.as("police").header("If-Match", "\"" + created.getLong("version") + "\"").body("{\"note\": \"受理\"}")
                .post("/api/v1/cases/" + number + "/accept").then().statusCode(200);
        JsonPath accepted = api.as("police").get("/api/v1/cases/" + number).then().statusCode(200).extract().jsonPath();
        String register = accepted.getString("registerNumber");
        String typed = register.substring(2, register.length() - 1).replace('〔', '[').replace('〕', ']');
        api.as("police").queryParam("q", typed).get("/api/v1/cases").then().statusCode(200)
                .body("items.caseNumber", equalTo(List.of(number)));
        api.as("police").queryParam("q", typed.replace('[', '【').replace(']', '】')).get("/api/v1/cases").then()
                .statusCode(200).body("items.caseNumber", equalTo(List.of(number)));
        api.as("mediator2").queryParam("q", typed).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(0));

        // a corrected name is found at once, the old one no more
        String corrected = "司马" + nameWord + "英";
        api.as("police").header("If-Match", "\"" + accepted.getLong("version") + "\"")
                .body("""
                        {"role": "APPLICANT", "kind": "PERSON", "name": "%s", "idNumber": "11010519491231002X",
                         "phone": "%s", "reason": "姓名登记有误"}""".formatted(corrected, phone))
                .put("/api/v1/cases/" + number + "/parties/1").then().statusCode(200);
        api.as("police").queryParam("q", "司马" + nameWord).get("/api/v1/cases").then().statusCode(200)
                .body("items.caseNumber", equalTo(List.of(number)));
        api.as("police").queryParam("q", nameWord + "芳").get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void listFiltersPagesAndMasks() {
        String marker = Api.marker();
        for (int i = 0; i < 3; i++) {
            api.as("police").body(Api.intake(marker)).post("/api/v1/cases").then().statusCode(201);
        }
        api.as("police").body(Api.intake(marker).replace("NEIGHBOR", "LABOR")).post("/api/v1/cases").then()
                .statusCode(201);

        JsonPath page0 = api.as("police").queryParam("q", marker).queryParam("size", 3).get("/api/v1/cases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page0.getLong("total")).isEqualTo(4);
        assertThat(page0.getList("items")).hasSize(3);
        assertThat(page0.getString("items[0].parties[0].idNumber")).isEqualTo("1101**********002X");
        assertThat(page0.getString("items[0].parties[0].phone")).isEqualTo("138****8000");
        assertThat(page0.getString("items[0].parties[0].address")).isNull();
        JsonPath page1 = api.as("police").queryParam("q", marker).queryParam("size", 3).queryParam("page", 1)
                .get("/api/v1/cases").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items")).hasSize(1);

        api.as("police").queryParam("q", marker).queryParam("disputeType", "LABOR").get("/api/v1/cases").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].disputeType", equalTo("LABOR"));
        api.as("police").queryParam("q", marker).queryParam("status", "RECEIVED").queryParam("channel", "POLICE_110")
                .queryParam("region", "310118104").queryParam("office", "PS-ZHAOXIANG").get("/api/v1/cases").then()
                .statusCode(200).body("total", equalTo(4));
        api.as("police").queryParam("q", marker).queryParam("region", "310118105").get("/api/v1/cases").then()
                .statusCode(200).body("total", equalTo(0));
        // not accepted yet: outside any accepted-date range
        api.as("police").queryParam("q", marker).queryParam("acceptedFrom", "2020-01-01").get("/api/v1/cases").then()
                .statusCode(200).body("total", equalTo(0));
        // another office sees none of them; the admin sees all
        api.as("mediator2").queryParam("q", marker).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(0));
        api.as("admin").queryParam("q", marker).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(4));

        api.as("police").queryParam("status", "ASLEEP").queryParam("page", "-1").queryParam("size", "100000")
                .queryParam("acceptedFrom", "yesterday").get("/api/v1/cases").then().statusCode(400)
                .body("errors.field", hasItems("status", "page", "size", "acceptedFrom"));
        api.as("police").queryParam("acceptedFrom", "2026-02-01").queryParam("acceptedTo", "2026-01-01")
                .get("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("acceptedFrom"));
    }

    @Test
    void demoDataCoversTwoYearsOfEveryTownTypeAndOutcome() {
        api.as("admin").queryParam("size", 1).get("/api/v1/cases").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2000));
        for (String status : List.of("RECEIVED", "ACCEPTED", "IN_MEDIATION", "CONCLUDED", "CLOSED", "DECLINED")) {
            long n = api.as("admin").queryParam("status", status).queryParam("size", 1).get("/api/v1/cases")
                    .then().statusCode(200).extract().jsonPath().getLong("total");
            assertThat(n).as("demo cases in status %s", status).isPositive();
        }
        long administrative = api.as("admin").queryParam("matterKind", "ADMINISTRATIVE").queryParam("size", 1)
                .get("/api/v1/cases").then().extract().jsonPath().getLong("total");
        assertThat(administrative).isPositive();
        // the mediator of Zhaoxiang sees the town's cases, not Xujing's
        JsonPath mine = api.as("mediator").queryParam("size", 200).get("/api/v1/cases").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getLong("total")).isPositive();
        assertThat(mine.getList("items.regionCode")).containsOnly("310118104");
    }

    /** A past case (补录) of {@code marker}, closed in 2011: people's mediation with its whole course. */
    private static String pastMediation(String marker, String ledgerNumber) {
        return """
                {"ledgerNumber": "%s", "channel": "WALK_IN", "disputeType": "NEIGHBOR",
                 "summary": "2011年楼上漏水纠纷 %s", "regionCode": "310118104", "address": "青浦区赵巷镇某路2号",
                 "amountInvolved": 5000.00, "peopleInvolved": 2, "riskLevel": "LOW",
                 "parties": [
                   {"role": "APPLICANT", "kind": "PERSON", "name": "张三",
                    "idNumber": "11010519491231002X", "phone": "13800138000"},
                   {"role": "RESPONDENT", "kind": "PERSON", "name": "李四"}
                 ],
                 "receivedAt": "2011-03-01T09:00+08:00", "acceptedAt": "2011-03-02",
                 "mediators": ["mediator"],
                 "outcome": "SUCCESS", "concludedAt": "2011-03-20T15:30+08:00",
                 "agreement": {"form": "WRITTEN", "terms": "李四赔偿张三3000元", "amount": 3000.00,
                               "performanceDeadline": "2011-04-30"},
                 "followUps": [{"at": "2011-05-10", "method": "PHONE", "performance": "PERFORMED", "satisfaction": 5}],
                 "criminalCaseAverted": true, "closedAt": "2011-05-15"}
                """.formatted(ledgerNumber, marker);
    }

    /**
     * Issue 21: an office head or the district admin registers a past case after the fact (补录)
     * with its real dates, recorded as such; a case open at its real stage is then worked as any.
     */
    @Test
    void pastCasesAreRegisteredAfterTheFactWithTheirRealDates() {
        String marker = Api.marker();
        String ledgerNumber = "台账" + marker + "-1";
        var created = api.as("head").body(pastMediation(marker, ledgerNumber)).post("/api/v1/cases/backfill");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/cases/TL2011-"))
                .body("status", equalTo("CLOSED"))
                .body("handlingOfficeCode", equalTo("JO-ZHAOXIANG"))
                .body("ledgerNumber", equalTo(ledgerNumber))
                .body("outcome", equalTo("SUCCESS"))
                .body("agreementAmount", equalTo(3000.0f))
                .body("performanceDeadline", equalTo("2011-04-30"))
                .body("personalDataShown", equalTo(true))
                .body("parties[0].idNumber", equalTo("11010519491231002X"));
        String closed = created.jsonPath().getString("caseNumber");
        // the real dates, a day alone being the start of that day in Shanghai
        assertThat(at(created.jsonPath(), "receivedAt")).isEqualTo(at("2011-03-01T09:00+08:00"));
        assertThat(at(created.jsonPath(), "acceptedAt")).isEqualTo(at("2011-03-02T00:00+08:00"));
        assertThat(at(created.jsonPath(), "outcomeAt")).isEqualTo(at("2011-03-20T15:30+08:00"));
        assertThat(at(created.jsonPath(), "closedAt")).isEqualTo(at("2011-05-15T00:00+08:00"));
        // numbered in the office's register of the year it was accepted, not this year's
        assertThat(created.jsonPath().getString("registerNumber")).matches("青赵调登〔2011〕第\\d{4}号");
        JsonPath events = api.as("head").get("/api/v1/cases/" + closed + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("type", String.class)).containsExactly("RECEIVED", "ACCEPTED", "MEDIATOR_ASSIGNED",
                "MEDIATION_STARTED", "LEDGER_OUTCOME", "FOLLOW_UP_RECORDED", "CLOSED");
        assertThat(events.getList("backfilled", Boolean.class)).containsOnly(true);
        assertThat(events.getList("actor", String.class)).containsOnly("head");
        assertThat(events.getList("detail", String.class))
                .allSatisfy(d -> assertThat(d).contains("补录").contains("through the API"));
        String requestSha = events.getString("[0].change.ledger.apiRequest");
        assertThat(requestSha).matches("[0-9a-f]{64}");
        assertThat(events.getList("change.ledger.apiRequest", String.class)).containsOnly(requestSha);
        assertThat(at(events, "[0].occurredAt")).isEqualTo(at("2011-03-01T09:00+08:00"));
        assertThat(at(events, "[6].occurredAt")).isEqualTo(at("2011-05-15T00:00+08:00"));
        // the ledger number finds it
        api.as("head").queryParam("q", ledgerNumber).get("/api/v1/cases").then().statusCode(200)
                .body("items.caseNumber", equalTo(List.of(closed)));

        // the same request again, laid out otherwise: the case it made (200), no second one
        api.as("head").body(pastMediation(marker, ledgerNumber).replace("\n", " ")).post("/api/v1/cases/backfill")
                .then().statusCode(200).body("caseNumber", equalTo(closed));
        // the number on other facts: 409 naming the case
        api.as("head").body(pastMediation(marker, ledgerNumber).replace("3000.00", "3500.00"))
                .post("/api/v1/cases/backfill").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("caseNumber", equalTo(closed));
        api.as("admin").queryParam("q", marker).get("/api/v1/cases").then().body("total", equalTo(1));

        // an administrative matter resolved before filing: no filing, no register number
        String admin = """
                {"ledgerNumber": "行政%s", "matterKind": "ADMINISTRATIVE", "channel": "WALK_IN", "disputeType": "OTHER",
                 "summary": "不服行政处罚 %s", "regionCode": "310118104", "peopleInvolved": 1,
                 "parties": [{"role": "APPLICANT", "kind": "PERSON", "name": "王五"},
                             {"role": "RESPONDENT", "kind": "ORGANISATION", "name": "某区某局"}],
                 "receivedAt": "2011-06-01T10:00+08:00", "adminResolution": "RESOLVED_BEFORE_FILING",
                 "concludedAt": "2011-06-10"}
                """.formatted(marker, marker);
        var resolved = api.as("head").body(admin).post("/api/v1/cases/backfill");
        resolved.then().statusCode(201)
                .body("matterKind", equalTo("ADMINISTRATIVE"))
                .body("status", equalTo("RESOLVED"))
                .body("adminResolution", equalTo("RESOLVED_BEFORE_FILING"))
                .body("registerNumber", equalTo(null));
        assertThat(at(resolved.jsonPath(), "receivedAt")).isEqualTo(at("2011-06-01T10:00+08:00"));
        JsonPath adminEvents = api.as("head").get("/api/v1/cases/" + resolved.jsonPath().getString("caseNumber")
                + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(adminEvents.getList("type", String.class)).containsExactly("RECEIVED", "ADMIN_RESOLVED");
        assertThat(adminEvents.getList("backfilled", Boolean.class)).containsOnly(true);
        assertThat(at(adminEvents, "[1].occurredAt")).isEqualTo(at("2011-06-10T00:00+08:00"));
        assertThat(adminEvents.getString("[1].detail")).contains("补录");

        // the district admin, for the office it names: filed and corrected at the non-litigation centre
        var centre = api.as("admin").body(admin.replace("行政" + marker, "行政" + marker + "-NLC")
                        .replace("\"matterKind\"", "\"handlingOffice\": \"NLC-310118\", \"matterKind\"")
                        .replace("RESOLVED_BEFORE_FILING", "CORRECTED")
                        .replace("\"concludedAt\": \"2011-06-10\"", "\"filedAt\": \"2011-06-05\", \"concludedAt\": \"2011-09-15\""))
                .post("/api/v1/cases/backfill");
        centre.then().statusCode(201).body("handlingOfficeCode", equalTo("NLC-310118"))
                .body("status", equalTo("RESOLVED")).body("adminResolution", equalTo("CORRECTED"))
                .body("personalDataShown", equalTo(false));
        assertThat(centre.jsonPath().getString("registerNumber")).matches("青非诉登〔2011〕第\\d{4}号");
        api.as("admin").get("/api/v1/cases/" + centre.jsonPath().getString("caseNumber") + "/history").then()
                .body("actor", everyItem(equalTo("admin"))).body("backfilled", everyItem(equalTo(true)))
                .body("type", contains("RECEIVED", "ADMIN_FILED", "ADMIN_RESOLVED"));

        // accepted last month and still open: it comes in ACCEPTED and is worked through the normal moves
        java.time.LocalDate lastMonth = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30);
        String open = pastMediation(marker, "台账" + marker + "-2")
                .replace("\"receivedAt\": \"2011-03-01T09:00+08:00\", \"acceptedAt\": \"2011-03-02\"",
                        "\"receivedAt\": \"" + lastMonth + "\", \"acceptedAt\": \"" + lastMonth.plusDays(1) + "\"")
                .replace("\"mediators\": [\"mediator\"],", "")
                .replaceAll("(?s),\\s*\"outcome\": .*", "}");
        var accepted = api.as("head").body(open).post("/api/v1/cases/backfill");
        accepted.then().statusCode(201).body("status", equalTo("ACCEPTED")).body("outcome", equalTo(null));
        assertThat(at(accepted.jsonPath(), "acceptedAt")).isEqualTo(at(lastMonth.plusDays(1) + "T00:00+08:00"));
        String openCase = accepted.jsonPath().getString("caseNumber");
        assertThat(accepted.jsonPath().getString("registerNumber"))
                .matches("青赵调登〔" + lastMonth.plusDays(1).getYear() + "〕第\\d{4}号");
        long v = api.as("mediator").get("/api/v1/cases/" + openCase).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        long started = api.as("mediator").header("If-Match", "\"" + v + "\"")
                .post("/api/v1/cases/" + openCase + "/start-mediation").then().statusCode(200)
                .body("status", equalTo("IN_MEDIATION")).extract().jsonPath().getLong("version");
        api.as("mediator").header("If-Match", "\"" + started + "\"")
                .body("{\"result\": \"SUCCESS\", \"agreementForm\": \"ORAL\", \"terms\": \"当场赔偿\"}")
                .post("/api/v1/cases/" + openCase + "/outcome").then().statusCode(200)
                .body("status", equalTo("CONCLUDED"));
        JsonPath worked = api.as("mediator").get("/api/v1/cases/" + openCase + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(worked.getList("type", String.class)).containsExactly("RECEIVED", "ACCEPTED", "MEDIATION_STARTED",
                "OUTCOME_RECORDED");
        assertThat(worked.getList("backfilled", Boolean.class)).containsExactly(true, true, false, false);
        assertThat(worked.getString("[3].actor")).isEqualTo("mediator");
    }

    private static java.time.Instant at(JsonPath json, String path) {
        return at(json.getString(path));
    }

    private static java.time.Instant at(String dateTime) {
        return java.time.OffsetDateTime.parse(dateTime).toInstant();
    }

    @Test
    void onlyHeadsAndTheAdminRegisterPastCasesAndEveryFaultIsNamed() {
        String marker = Api.marker();
        String body = pastMediation(marker, "台账" + marker);
        // staff who are not the head, a drafter, a head for another office
        api.as("mediator").body(body).post("/api/v1/cases/backfill").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        api.as("drafter").body(body).post("/api/v1/cases/backfill").then().statusCode(403);
        api.as("head").body(body.replace("\"channel\"", "\"handlingOffice\": \"JO-XUJING\", \"channel\""))
                .post("/api/v1/cases/backfill").then().statusCode(403);
        // the admin names the office
        api.as("admin").body(body).post("/api/v1/cases/backfill").then().statusCode(400)
                .body("errors.field", hasItem("handlingOffice"));

        // a past case is past
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        api.as("head").body(body.replace("\"closedAt\": \"2011-05-15\"", "\"closedAt\": \"" + tomorrow + "\""))
                .post("/api/v1/cases/backfill").then().statusCode(400)
                .body("errors.field", contains("closedAt"))
                .body("errors[0].message", containsString("future"));
        // facts that do not hold together, each named by its field in the request
        String bad = body.replace("\"NEIGHBOR\"", "\"FEUD\"")
                .replace("\"concludedAt\": \"2011-03-20T15:30+08:00\"", "\"concludedAt\": \"2011-02-20\"")
                .replace("[\"mediator\"]", "[\"nobody-here\"]")
                .replace("\"at\": \"2011-05-10\"", "\"at\": \"the tenth of May\"")
                .replace("\"performanceDeadline\": \"2011-04-30\"", "\"performanceDeadline\": \"soon\"");
        api.as("head").body(bad).post("/api/v1/cases/backfill").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("disputeType", "concludedAt", "mediators", "followUps[0].at",
                        "agreement.performanceDeadline"));
        // strict JSON: unknown fields, also nested, and fractions for whole numbers
        api.as("head").body(body.replace("\"channel\"", "\"colour\": \"red\", \"channel\"")
                        .replace("\"satisfaction\": 5", "\"satisfaction\": 5, \"mood\": \"good\""))
                .post("/api/v1/cases/backfill").then().statusCode(400)
                .body("errors.field", hasItems("colour", "followUps[0].mood"))
                .body("errors.message", everyItem(equalTo("unknown field")));
        api.as("head").body(body.replace("\"satisfaction\": 5", "\"satisfaction\": 4.5"))
                .post("/api/v1/cases/backfill").then().statusCode(400)
                .body("errors.field", contains("followUps[0].satisfaction"));
        api.as("admin").queryParam("q", marker).get("/api/v1/cases").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void everyFaultyFieldIsListedAndNothingIsStored() {
        String marker = Api.marker();
        String bad = """
                {"channel": "CARRIER_PIGEON", "disputeType": "FEUD", "summary": " %s",
                 "regionCode": "", "amountInvolved": -5, "peopleInvolved": 0, "riskLevel": "EXTREME",
                 "parties": [
                   {"role": "RESPONDENT", "kind": "PERSON", "name": "李四",
                    "idNumber": "110105194912310021", "phone": "23800138000"},
                   {"role": "APPLICANT", "kind": "ORGANISATION", "name": "",
                    "creditCode": "91310118MA1JL0XX5A"}
                 ]}
                """.formatted(marker);
        JsonPath problem = api.as("police").body(bad).post("/api/v1/cases").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        assertThat(fields).contains("channel", "disputeType", "regionCode", "amountInvolved", "peopleInvolved",
                "riskLevel", "parties[0].idNumber", "parties[0].phone", "parties[1].name", "parties[1].creditCode");
        List<Map<String, String>> errors = problem.getList("errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo("parties[0].idNumber");
            assertThat(e.get("message")).contains("check digit");
        });

        // a check digit that fits does not make an impossible ID number: birth month 13, born
        // tomorrow, no such province (issue 20)
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        for (String first17 : List.of("31011819901315123", "310118" + tomorrow + "123", "00011819900215123")) {
            String id = first17 + org.trilink.platform.validation.IdentityNumbers.residentIdCheck(first17);
            api.as("police").body(Api.intake(marker).replace("11010519491231002X", id)).post("/api/v1/cases").then()
                    .statusCode(400).body("errors.field", hasItem("parties[0].idNumber"));
        }

        // a well-formed request whose region does not exist, and one without an applicant
        api.as("police").body(Api.intake(marker).replace("310118104", "999999")).post("/api/v1/cases").then()
                .statusCode(400).body("errors.field", hasItem("regionCode"));
        api.as("police").body(Api.intake(marker).replace("\"APPLICANT\"", "\"RESPONDENT\"")).post("/api/v1/cases")
                .then().statusCode(400).body("errors.field", hasItem("parties"));
        // staff register for their own office only
        api.as("police").body(Api.intake(marker).replace("\"riskLevel\": \"LOW\",",
                "\"riskLevel\": \"LOW\", \"receivingOfficeCode\": \"JO-XUJING\",")).post("/api/v1/cases").then()
                .statusCode(403);
        // the admin works for no office and must name one
        api.as("admin").body(Api.intake(marker)).post("/api/v1/cases").then().statusCode(400)
                .body("errors.field", hasItem("receivingOfficeCode"));

        // an unknown field, a fraction for a whole number and a NUL are named, never dropped, cut or
        // passed on to the database (issue 21)
        String strict = Api.intake(marker).replace("\"riskLevel\": \"LOW\"", "\"riskLevel\": \"LOW\", \"colour\": \"red\"")
                .replace("\"name\": \"张三\"", "\"name\": \"张三\", \"nickname\": \"三儿\"");
        api.as("police").body(strict).post("/api/v1/cases").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", contains("colour", "parties[0].nickname"))
                .body("errors.message", everyItem(equalTo("unknown field")));
        // a past time is not silently stamped now: the live intake has none (a past case is registered
        // at POST /api/v1/cases/backfill), and accepting takes none either
        api.as("police").body(Api.intake(marker).replace("\"riskLevel\": \"LOW\"",
                        "\"riskLevel\": \"LOW\", \"receivedAt\": \"2023-03-15T10:00+08:00\""))
                .post("/api/v1/cases").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", contains("receivedAt"))
                .body("errors[0].message", equalTo("unknown field"));
        api.as("police").header("If-Match", "\"0\"")
                .body("{\"note\": \"材料齐全\", \"acceptedAt\": \"2023-03-16T09:00+08:00\"}")
                .post("/api/v1/cases/TL2023-000001/accept").then().statusCode(400)
                .body("errors.field", contains("acceptedAt"));
        api.as("police").body(Api.intake(marker).replace("\"peopleInvolved\": 2", "\"peopleInvolved\": 2.5"))
                .post("/api/v1/cases").then().statusCode(400)
                .body("errors.field", contains("peopleInvolved"))
                .body("errors[0].message", equalTo("must be a whole number"));
        api.as("police").body(Api.intake(marker).replace("楼上漏水", "楼上\\u0000漏水")
                        .replace("\"某物业公司\"", "\"某物业\\u0000公司\"")).post("/api/v1/cases").then().statusCode(400)
                .body("errors.field", contains("summary", "parties[1].name"))
                .body("errors[0].message", containsString("NUL"));
        // other doors too: a record body
        api.as("admin").body("{\"kind\": \"HOLIDAY\", \"name\": \"x\", \"colour\": \"red\"}")
                .put("/api/v1/calendar/days/2030-01-02").then().statusCode(400).body("errors.field", contains("colour"));

        api.as("police").body("{\"channel\": \"WALK_IN\", ").post("/api/v1/cases").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        api.as("police").body("").post("/api/v1/cases").then().statusCode(400);
        api.as("police").contentType(ContentType.XML).body("<case/>").post("/api/v1/cases").then().statusCode(415)
                .contentType(containsString("application/problem+json"));
        String huge = Api.intake(marker).replace("楼上漏水", "x".repeat(300 * 1024));
        api.as("police").body(huge).post("/api/v1/cases").then().statusCode(413)
                .contentType(containsString("application/problem+json"));

        api.as("admin").queryParam("q", marker).get("/api/v1/cases").then().statusCode(200).body("total", equalTo(0));
    }

    // ---- the parties' door (issue 24) ----

    private static final java.util.Random RANDOM = new java.util.Random();

    /** A mobile number no earlier run used today (the daily limits live in the kept test database). */
    static String somePhone() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    /** A client address of its own, as the trusted test proxy forwards it. */
    static String someAddress() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** A valid resident ID number (ISO 7064 MOD 11-2 check digit) that no other test uses. */
    static String someResidentId() {
        String first17 = "310118" + "1980" + String.format("%02d%02d", 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28))
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + org.trilink.platform.validation.IdentityNumbers.residentIdCheck(first17);
    }

    private io.restassured.specification.RequestSpecification door(String address) {
        // through 127.0.0.1, the tests' trusted proxy, so that X-Forwarded-For names the client
        return io.restassured.RestAssured.given().baseUri(api.base().replaceFirst("//[^:/]+", "//127.0.0.1"))
                .header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private io.restassured.response.Response askCode(String address, String purpose, String phone, String office,
                                                     String caseNumber) {
        String body = "{\"purpose\": \"%s\", \"phone\": \"%s\", %s \"consent\": true, \"noticeVersion\": \"2026-12\"}"
                .formatted(purpose, phone, office != null ? "\"officeCode\": \"" + office + "\","
                        : caseNumber != null ? "\"caseNumber\": \"" + caseNumber + "\"," : "");
        return door(address).body(body).post("/api/v1/public/codes");
    }

    /** SMS delivered to this phone so far. */
    private static int sent(SmsGateway sms, String phone) {
        return (int) sms.delivered().stream().filter(m -> m.contains("\"" + phone + "\"")).count();
    }

    /**
     * The code of a new SMS to this phone, once more than {@code seen} reached it: a FOLLOW code goes
     * out beside the answer, so right after asking the latest SMS may still be the previous one.
     */
    private static String codeSentTo(SmsGateway sms, String phone, int seen) throws Exception {
        Eventually.within(java.time.Duration.ofSeconds(10), () -> sent(sms, phone) > seen);
        return codeSentTo(sms, phone);
    }

    /** The code the local SMS gateway delivered to this phone (the latest). */
    private static String codeSentTo(SmsGateway sms, String phone) throws Exception {
        Eventually.within(java.time.Duration.ofSeconds(10),
                () -> sms.delivered().stream().anyMatch(m -> m.contains("\"" + phone + "\"")));
        String message = sms.delivered().stream().filter(m -> m.contains("\"" + phone + "\""))
                .reduce((a, b) -> b).orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)")
                .matcher(JsonPath.from(message).getString("text"));
        assertThat(m.find()).as("a six-digit code in the SMS").isTrue();
        return m.group(1);
    }

    /**
     * Exactly the door's paths are public: its pages and its API answer without a login (and are in
     * the OpenAPI document); everything else, staff API and pages alike, still refuses anonymous
     * callers, also on paths that only look like the public ones.
     */
    @Test
    void thePublicDoorNeedsNoLoginWhileStaffPathsStillDo() {
        api.anonymous().get("/api/v1/public/privacy-notice").then().statusCode(200)
                .body("version", equalTo("2026-12")).body("textZh", containsString("个人信息保护法"));
        api.anonymous().get("/api/v1/public/towns").then().statusCode(200)
                .body("find { it.regionCode == '310118104' }.officeCode", equalTo("JO-ZHAOXIANG"));
        api.anonymous().get("/api/v1/public/offices/PS-ZHAOXIANG").then().statusCode(200)
                .body("regionCode", equalTo("310118104"));
        api.anonymous().get("/public/apply.xhtml?office=JO-ZHAOXIANG").then().statusCode(200)
                .body(containsString("赵巷司法所"));
        api.anonymous().get("/public/follow.xhtml").then().statusCode(200);
        // a pass is needed past the door's hall: 401 as a problem, never a login redirect
        api.anonymous().get("/api/v1/public/case").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:trilink:problem:party-pass-required"));
        // staff paths still refused
        api.anonymous().get("/api/v1/cases").then().statusCode(401);
        api.anonymous().get("/api/v1/cases/TL2009-000001/correction-requests").then().statusCode(401);
        api.anonymous().get("/api/v1/offices/JO-ZHAOXIANG/poster").then().statusCode(401);
        api.anonymous().get("/api/v1/publicity").then().statusCode(401);
        api.anonymous().redirects().follow(false).get("/cases/list.xhtml").then().statusCode(302)
                .header("Location", containsString("/login"));
        api.anonymous().redirects().follow(false).get("/publicity.xhtml").then().statusCode(302)
                .header("Location", containsString("/login"));
        String openapi = api.anonymous().get("/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/public/codes", "/api/v1/public/codes/{challenge}",
                "/api/v1/public/applications", "/api/v1/public/case", "/api/v1/offices/{code}/poster");
    }

    /**
     * A party applies online: consent first, a code to the phone, the application through the
     * intake's own rules, in the chosen office's inbox with channel ONLINE. Staff see the intake's
     * same-parties warning, the party follows the case (the other party masked, the view in the
     * history) and asks for a correction, which staff apply as a recorded party correction.
     */
    @Test
    void anOnlineApplicationLandsInTheOfficeInboxAndIsFollowed() throws Exception {
        String marker = Api.marker();
        String phone = somePhone();
        String from = someAddress();
        String id = someResidentId();
        // an open case of the same applicant, registered by the office's staff
        String earlier = api.as("mediator").body(Api.intake(marker + "-earlier").replace("11010519491231002X", id)
                        .replace("POLICE_110", "WALK_IN"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("caseNumber");
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret")) {
            // nothing is collected without consent to the notice in force
            door(from).body("{\"purpose\": \"APPLY\", \"phone\": \"" + phone + "\", \"officeCode\": \"JO-ZHAOXIANG\"}")
                    .post("/api/v1/public/codes").then().statusCode(400).body("errors.field", hasItem("consent"));
            door(from).body("{\"purpose\": \"APPLY\", \"phone\": \"1234\", \"officeCode\": \"NOPE\", \"consent\": true,"
                            + " \"noticeVersion\": \"2026-12\"}")
                    .post("/api/v1/public/codes").then().statusCode(400)
                    .body("errors.field", hasItems("phone", "officeCode"));
            String challenge = askCode(from, "APPLY", phone, "JO-ZHAOXIANG", null).then().statusCode(202)
                    .body("expiresInSeconds", equalTo(300)).extract().path("challenge");
            String code = codeSentTo(sms, phone);
            assertThat(sms.badSignatures()).isZero();
            String wrong = code.equals("000000") ? "000001" : "000000";
            door(from).body("{\"code\": \"" + wrong + "\"}").post("/api/v1/public/codes/" + challenge).then()
                    .statusCode(400).body("triesLeft", equalTo(4));
            String pass = door(from).body("{\"code\": \"" + code + "\"}").post("/api/v1/public/codes/" + challenge)
                    .then().statusCode(200).body("purpose", equalTo("APPLY")).body("officeCode", equalTo("JO-ZHAOXIANG"))
                    .extract().path("pass");
            // a code is used once
            door(from).body("{\"code\": \"" + code + "\"}").post("/api/v1/public/codes/" + challenge).then()
                    .statusCode(410);

            String application = """
                    {"disputeType": "NEIGHBOR", "summary": "楼上漏水，物业不管 %s", "regionCode": "310118104",
                     "address": "青浦区赵巷镇某路2号", "occurredAt": "2009-06-01T09:00:00+08:00",
                     "parties": [
                       {"role": "APPLICANT", "kind": "PERSON", "name": "李四", "idNumber": "%s", "phone": "%s"},
                       {"role": "RESPONDENT", "kind": "PERSON", "name": "王小五", "phone": "13912345678"}
                     ]}""".formatted(marker, id, phone);
            // bad input is refused by the intake's rules, and stores nothing
            door(from).header("X-TriLink-Party-Pass", pass).body(application.replace("NEIGHBOR", "GOSSIP")
                            .replace("310118104", "999"))
                    .post("/api/v1/public/applications").then().statusCode(400)
                    .body("errors.field", hasItems("disputeType"));
            door(from).header("X-TriLink-Party-Pass", pass).body(application.replace("310118104", "999"))
                    .post("/api/v1/public/applications").then().statusCode(400)
                    .body("errors.field", hasItem("regionCode"));
            // the applicant is the phone that got the code
            door(from).header("X-TriLink-Party-Pass", pass).body(application.replace(phone, "13700000000"))
                    .post("/api/v1/public/applications").then().statusCode(400).body("errors.field", hasItem("parties"));
            door(from).header("X-TriLink-Party-Pass", "forged").body(application)
                    .post("/api/v1/public/applications").then().statusCode(401);
            var applied = door(from).header("X-TriLink-Party-Pass", pass).body(application)
                    .post("/api/v1/public/applications").then().statusCode(201).body("purpose", equalTo("FOLLOW"))
                    .extract().jsonPath();
            String caseNumber = applied.getString("caseNumber");
            // the pass is spent for applying: now it follows this case
            door(from).header("X-TriLink-Party-Pass", pass).body(application)
                    .post("/api/v1/public/applications").then().statusCode(403);

            // in the office's inbox: received, channel ONLINE
            api.as("mediator").queryParam("status", "RECEIVED").queryParam("channel", "ONLINE").queryParam("q", marker)
                    .get("/api/v1/cases").then().statusCode(200).body("items.caseNumber", contains(caseNumber));
            api.as("mediator").get("/api/v1/cases/" + caseNumber).then().statusCode(200)
                    .body("channel", equalTo("ONLINE")).body("status", equalTo("RECEIVED"))
                    .body("handlingOfficeCode", equalTo("JO-ZHAOXIANG"));
            api.as("mediator2").get("/api/v1/cases/" + caseNumber).then().statusCode(404);
            api.as("mediator").get("/api/v1/cases/" + caseNumber + "/history").then().statusCode(200)
                    .body("[0].type", equalTo("RECEIVED")).body("[0].actor", equalTo("party:online"));
            // the same-parties warning goes to the office's staff
            api.as("mediator").get("/api/v1/cases/" + caseNumber + "/online-application").then().statusCode(200)
                    .body("openCasesWithSameParties", hasItem(earlier)).body("noticeVersion", equalTo("2026-12"));
            api.as("mediator").get("/api/v1/cases/" + earlier + "/online-application").then().statusCode(404);

            // following: where it stands, the other party masked, the view recorded
            door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case").then().statusCode(200)
                    .body("caseNumber", equalTo(caseNumber)).body("status", equalTo("RECEIVED"))
                    .body("you.phone", equalTo(phone)).body("others[0].name", equalTo("王**"))
                    .body("others[0].phone", equalTo("139****5678"));
            door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case/personal-data").then()
                    .statusCode(200).body("idNumber", equalTo(id)).body("address", equalTo(null));
            long correction = door(from).header("X-TriLink-Party-Pass", pass)
                    .body("{\"address\": \"青浦区赵巷镇某路2号201室\", \"note\": \"门牌号漏了\"}")
                    .post("/api/v1/public/case/corrections").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            door(from).header("X-TriLink-Party-Pass", pass).body("{\"idNumber\": \"110105194912310021\"}")
                    .post("/api/v1/public/case/corrections").then().statusCode(400).body("errors.field", hasItem("idNumber"));

            // staff see the request and apply it as a party correction
            api.as("mediator2").get("/api/v1/cases/" + caseNumber + "/correction-requests").then().statusCode(404);
            api.as("mediator").get("/api/v1/cases/" + caseNumber + "/correction-requests").then().statusCode(200)
                    .body("[0].id", equalTo((int) correction)).body("[0].address", equalTo("青浦区赵巷镇某路2号201室"))
                    .body("[0].status", equalTo("OPEN"));
            api.as("mediator").body("{\"action\": \"APPLY\", \"note\": \"核对无误\"}")
                    .post("/api/v1/cases/" + caseNumber + "/correction-requests/" + correction).then().statusCode(200)
                    .body("status", equalTo("APPLIED")).body("handledBy", equalTo("mediator"));
            api.as("mediator").body("{\"action\": \"APPLY\"}")
                    .post("/api/v1/cases/" + caseNumber + "/correction-requests/" + correction).then().statusCode(409);
            api.as("mediator").get("/api/v1/cases/" + caseNumber).then().statusCode(200)
                    .body("parties[0].address", equalTo("青浦区赵巷镇某路2号201室"));
            List<String> types = api.as("mediator").get("/api/v1/cases/" + caseNumber + "/history").then()
                    .statusCode(200).extract().jsonPath().getList("type");
            assertThat(types).containsSubsequence("RECEIVED", "PARTY_VIEWED_ONLINE", "PARTY_VIEWED_ONLINE",
                    "CORRECTION_REQUESTED", "PARTY_CORRECTED");

            // every public action in the audit trail, never a phone or ID number
            JsonPath mine = api.as("admin").queryParam("name", caseNumber).queryParam("size", 200)
                    .get("/api/v1/security-events").then().statusCode(200).extract().jsonPath();
            assertThat(mine.getList("events.kind", String.class)).contains("PUBLIC_APPLIED", "PUBLIC_CASE_VIEWED",
                    "PUBLIC_CORRECTION_REQUESTED");
            JsonPath audit = api.as("admin").queryParam("size", 200).get("/api/v1/security-events").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(audit.getList("events.kind", String.class)).contains("PUBLIC_CODE_SENT", "PUBLIC_CODE_FAILED",
                    "PUBLIC_CODE_VERIFIED");
            String trail = audit.prettify() + mine.prettify();
            assertThat(trail).doesNotContain(phone).doesNotContain(id);
        }
    }

    /**
     * Codes: five tries, five minutes, used once; and no existence oracle: a case number that does
     * not exist and a phone that is not a party's get the very answer a match gets, and their
     * challenges answer wrong codes alike; only no SMS goes out.
     */
    @Test
    void codesExpireAfterFiveMinutesOrFiveTriesAndTellNothingOfCases() throws Exception {
        String phone = somePhone();
        String from = someAddress();
        String caseNumber = api.as("mediator").body(Api.intake(Api.marker()).replace("13800138000", phone))
                .post("/api/v1/cases").then().statusCode(201).extract().path("caseNumber");
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret")) {
            var real = askCode(from, "FOLLOW", phone, null, caseNumber);
            var unknownCase = askCode(someAddress(), "FOLLOW", phone, null, "TL2009-987654");
            var wrongPhone = askCode(someAddress(), "FOLLOW", somePhone(), null, caseNumber);
            for (var answer : List.of(real, unknownCase, wrongPhone)) {
                answer.then().statusCode(202).body("expiresInSeconds", equalTo(300));
                assertThat(answer.jsonPath().getMap("$").keySet()).containsExactlyInAnyOrder("challenge",
                        "expiresInSeconds");
                assertThat(answer.jsonPath().getString("challenge")).hasSize(43);
            }
            String code = codeSentTo(sms, phone);
            Thread.sleep(500);
            assertThat(sms.delivered()).as("one SMS: to the party of the case only").hasSize(1);

            // five wrong tries end a code, real or not, with the same answers
            for (var answer : List.of(real, unknownCase, wrongPhone)) {
                String challenge = answer.jsonPath().getString("challenge");
                for (int left = 4; left >= 1; left--) {
                    door(from).body("{\"code\": \"" + (code.equals("999999") ? "999998" : "999999") + "\"}")
                            .post("/api/v1/public/codes/" + challenge).then().statusCode(400)
                            .body("type", equalTo("urn:trilink:problem:code-wrong")).body("triesLeft", equalTo(left));
                }
                door(from).body("{\"code\": \"abc\"}").post("/api/v1/public/codes/" + challenge).then().statusCode(410)
                        .body("type", equalTo("urn:trilink:problem:code-expired"));
            }
            // the right code after five wrong ones: too late
            door(from).body("{\"code\": \"" + code + "\"}").post("/api/v1/public/codes/" + real.jsonPath()
                    .getString("challenge")).then().statusCode(410);

            // five minutes: a fresh code, its clock moved on, no longer opens anything
            int seen = sent(sms, phone);
            String challenge = askCode(from, "FOLLOW", phone, null, caseNumber).then().statusCode(202).extract()
                    .path("challenge");
            String fresh = codeSentTo(sms, phone, seen);
            api.as("admin").post("/api/v1/test-fixtures/codes/" + challenge + "/older/301").then().statusCode(200)
                    .body("lifetimeSeconds", equalTo(300));
            door(from).body("{\"code\": \"" + fresh + "\"}").post("/api/v1/public/codes/" + challenge).then()
                    .statusCode(410);
            // and one within its minutes opens the case that phone belongs to
            seen = sent(sms, phone);
            challenge = askCode(from, "FOLLOW", phone, null, caseNumber).then().statusCode(202).extract()
                    .path("challenge");
            fresh = codeSentTo(sms, phone, seen);
            api.as("admin").post("/api/v1/test-fixtures/codes/" + challenge + "/older/240").then().statusCode(200);
            String pass = door(from).body("{\"code\": \"" + fresh + "\"}").post("/api/v1/public/codes/" + challenge)
                    .then().statusCode(200).body("caseNumber", equalTo(caseNumber)).body("purpose", equalTo("FOLLOW"))
                    .extract().path("pass");
            door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case").then().statusCode(200)
                    .body("you.name", equalTo("张三")).body("others[0].name", equalTo("某物业公司"))
                    .body("others[0].idNumber", equalTo(null));
            door(from).header("X-TriLink-Party-Pass", pass).delete("/api/v1/public/pass").then().statusCode(204);
            door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case").then().statusCode(401);
        }
    }

    /**
     * Daily limits per phone, client address and office, kept in the database (so every instance
     * counts the same): past any of them, 429 with Retry-After (to the district's midnight), and
     * the refusal is in the audit trail.
     */
    @Test
    void dailyLimitsPerPhoneAddressAndOfficeAnswer429() throws Exception {
        api.as("admin").post("/api/v1/test-fixtures/codes/office-limits/forget").then().statusCode(200);
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret")) {
            String phone = somePhone();
            for (int i = 0; i < 5; i++) {
                askCode(someAddress(), "APPLY", phone, "JO-XIAYANG", null).then().statusCode(202);
            }
            var refused = askCode(someAddress(), "APPLY", phone, "JO-XIAYANG", null);
            refused.then().statusCode(429).contentType(containsString("application/problem+json"))
                    .body("type", equalTo("urn:trilink:problem:too-many-codes")).body("limit", equalTo("phone"));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_400L);
            // following counts against the same phone: the same 429, whether the case exists or not
            askCode(someAddress(), "FOLLOW", phone, null, "TL2009-000001").then().statusCode(429)
                    .body("limit", equalTo("phone"));

            String from = someAddress();
            for (int i = 0; i < 20; i++) {
                askCode(from, "APPLY", somePhone(), "PS-XUJING", null).then().statusCode(202);
            }
            askCode(from, "APPLY", somePhone(), "PS-XUJING", null).then().statusCode(429)
                    .body("limit", equalTo("address"));

            // the office's limit (30 a day in the tests): reached whatever the phones and addresses
            int granted = 0;
            io.restassured.response.Response last = null;
            for (int i = 0; i <= 30; i++) {
                last = askCode(someAddress(), "APPLY", somePhone(), "JO-LIANTANG", null);
                if (last.statusCode() != 202) {
                    break;
                }
                granted++;
            }
            last.then().statusCode(429).body("limit", equalTo("office"));
            assertThat(granted).isEqualTo(30);
            api.as("admin").queryParam("kind", "PUBLIC_LIMIT_REACHED").get("/api/v1/security-events").then()
                    .statusCode(200).body("events.detail", hasItems(containsString("phone"),
                            containsString("address"), containsString("office")));
        }
    }

    /**
     * Issue 24, "Sign": each party signs the agreement on their own phone, with the pass of FOLLOW
     * and a fresh code (purpose SIGN). A stale version, a bad drawing, a wrong code, another party's
     * code and a second signature are refused; after the last party, the sealed version carries the
     * office's PAdES signature over the whole file, and the history shows the ONLINE signatures by
     * party:1 and party:2.
     */
    @Test
    void eachPartySignsTheAgreementOnTheirOwnPhone() throws Exception {
        String phone1 = somePhone();
        String phone2 = somePhone();
        String from = someAddress();
        String intake = """
                {"channel": "WALK_IN", "disputeType": "NEIGHBOR", "summary": "楼上漏水，协商赔偿 %s",
                 "regionCode": "310118104", "address": "青浦区赵巷镇某路5号",
                 "amountInvolved": 3000.00, "peopleInvolved": 2, "riskLevel": "LOW",
                 "occurredAt": "2026-01-10T09:15:00+08:00",
                 "parties": [
                   {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s", "phone": "%s"},
                   {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s", "phone": "%s"}
                 ]}""".formatted(Api.marker(), someResidentId(), phone1, someResidentId(), phone2);
        String number = api.as("mediator").body(intake).post("/api/v1/cases").then().statusCode(201).extract()
                .path("caseNumber");
        String docs = "/api/v1/cases/" + number + "/documents";
        move(number, "accept", "{}");
        move(number, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}");
        move(number, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"被申请人于十日内赔偿申请人三千元\", \"amount\": 3000.00}");
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret")) {
            String pass1 = follow(sms, from, phone1, number);
            // no agreement generated yet: nothing to sign
            door(from).header("X-TriLink-Party-Pass", pass1).get("/api/v1/public/case/agreement").then()
                    .statusCode(404).contentType(containsString("application/problem+json"));

            io.restassured.response.Response v1 = api.as("mediator").accept("application/pdf")
                    .post(docs + "/agreement");
            v1.then().statusCode(201);
            long v1Id = Long.parseLong(v1.header("X-Document-Id"));
            String sha = v1.header("ETag").replace("\"", "");

            JsonPath shown = door(from).header("X-TriLink-Party-Pass", pass1).get("/api/v1/public/case/agreement")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(shown.getLong("documentId")).isEqualTo(v1Id);
            assertThat(shown.getString("sha256")).isEqualTo(sha);
            assertThat(shown.getInt("version")).isEqualTo(1);
            assertThat(shown.getList("parties.signed")).containsExactly(false, false);
            assertThat(shown.getList("parties.you")).containsExactly(true, false);
            assertThat(shown.getBoolean("signedByYou")).isFalse();
            assertThat(shown.prettify()).doesNotContain("李四", phone2);
            int pages = shown.getInt("pageCount");
            assertThat(pages).isBetween(1, 4);
            byte[] page = door(from).header("X-TriLink-Party-Pass", pass1).accept("image/png")
                    .get("/api/v1/public/case/agreement/" + v1Id + "/pages/1").then().statusCode(200)
                    .contentType("image/png").extract().asByteArray();
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page)).getWidth()).isGreaterThan(800);
            door(from).header("X-TriLink-Party-Pass", pass1).accept("image/png")
                    .get("/api/v1/public/case/agreement/" + v1Id + "/pages/" + (pages + 1)).then().statusCode(404);
            door(from).accept("image/png").get("/api/v1/public/case/agreement/" + v1Id + "/pages/1").then()
                    .statusCode(401);

            // a code to confirm, asked as for FOLLOW (same answer shape; the SMS says what it is for)
            int sent = sentTo(sms, phone1);
            String challenge = askCode(from, "SIGN", phone1, null, number).then().statusCode(202).extract()
                    .path("challenge");
            String code = newCodeSentTo(sms, phone1, sent);
            assertThat(sms.delivered().stream().filter(m -> m.contains(phone1)).map(m -> JsonPath.from(m).getString("text"))
                    .reduce((a, b) -> b).orElseThrow()).contains("签署");
            String ink = java.util.Base64.getEncoder().encodeToString(drawnSignature());
            // refused before the code is spent: the agreement changed since it was shown, a bad drawing
            sign(from, pass1, ink, "0".repeat(64), challenge, code).then().statusCode(409)
                    .contentType(containsString("application/problem+json"))
                    .body("type", equalTo("urn:trilink:problem:stale-agreement-version")).body("sha256", equalTo(sha));
            sign(from, pass1, java.util.Base64.getEncoder().encodeToString(blankPng()), sha, challenge, code).then()
                    .statusCode(400).body("errors.field", hasItem("image"));
            sign(from, pass1, "", sha, challenge, code).then().statusCode(400).body("errors.field", hasItem("image"));
            sign(from, pass1, "%%%", sha, challenge, code).then().statusCode(400).body("errors.field", hasItem("image"));
            sign(from, pass1, java.util.Base64.getEncoder().encodeToString("GIF89a not a png".getBytes()), sha,
                    challenge, code).then().statusCode(415);
            byte[] huge = new byte[300 * 1024];
            RANDOM.nextBytes(huge);
            sign(from, pass1, java.util.Base64.getEncoder().encodeToString(huge), sha, challenge, code).then()
                    .statusCode(413).contentType(containsString("application/problem+json"));
            sign(from, "forged", ink, sha, challenge, code).then().statusCode(401);
            // a wrong code counts a try
            sign(from, pass1, ink, sha, challenge, code.equals("000000") ? "000001" : "000000").then()
                    .statusCode(400).body("type", equalTo("urn:trilink:problem:code-wrong"))
                    .body("triesLeft", equalTo(4));
            // the other party's SIGN code does not sign for this party
            String pass2 = follow(sms, someAddress(), phone2, number);
            sent = sentTo(sms, phone2);
            String challenge2 = askCode(from, "SIGN", phone2, null, number).then().statusCode(202).extract()
                    .path("challenge");
            sign(from, pass1, ink, sha, challenge2, newCodeSentTo(sms, phone2, sent)).then().statusCode(403);

            JsonPath first = sign(from, pass1, ink, sha, challenge, code).then().statusCode(201).extract().jsonPath();
            assertThat(first.getBoolean("signedByYou")).isTrue();
            assertThat(first.getString("youSignedAt")).isNotBlank();
            assertThat(first.getList("parties.signed")).containsExactly(true, false);
            assertThat(first.getList("parties.channel")).containsExactly("ONLINE", null);
            assertThat(first.getBoolean("complete")).isFalse();
            // the code is used once; a second signature with a fresh one: 409
            sign(from, pass1, ink, sha, challenge, code).then().statusCode(409);
            sent = sentTo(sms, phone1);
            String again = askCode(from, "SIGN", phone1, null, number).then().statusCode(202).extract()
                    .path("challenge");
            sign(from, pass1, ink, sha, again, newCodeSentTo(sms, phone1, sent)).then().statusCode(409)
                    .body("type", equalTo("urn:trilink:problem:already-signed"));

            // the last party: the sealed version is made
            sent = sentTo(sms, phone2);
            String last = askCode(someAddress(), "SIGN", phone2, null, number).then().statusCode(202).extract()
                    .path("challenge");
            JsonPath done = sign(someAddress(), pass2,
                    java.util.Base64.getEncoder().encodeToString(drawnSignature()), sha, last,
                    newCodeSentTo(sms, phone2, sent)).then().statusCode(201).extract().jsonPath();
            assertThat(done.getBoolean("complete")).isTrue();
            assertThat(done.getList("parties.signed")).containsExactly(true, true);
            long signedId = done.getLong("signedDocumentId");

            // staff: the signing complete, both ONLINE; the signed version verifies
            api.as("mediator").get(docs + "/signatures").then().statusCode(200).body("complete", equalTo(true))
                    .body("signedDocumentId", equalTo((int) signedId))
                    .body("parties.channel", contains("ONLINE", "ONLINE"));
            api.as("mediator").get(docs + "/" + signedId + "/verification").then().statusCode(200)
                    .body("valid", equalTo(true)).body("issuedByTriLink", equalTo(true))
                    .body("signatures[0].coversWholeFile", equalTo(true))
                    .body("signatures[0].officeCertificate", equalTo(true))
                    .body("signatures[0].unchangedSince", equalTo(true));
            byte[] pdf = api.as("mediator").accept("application/pdf").get(docs + "/" + signedId).then()
                    .statusCode(200).header("X-Document-Version", "2").extract().asByteArray();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(doc.getSignatureDictionaries()).hasSize(1);
                var sig = doc.getLastSignatureDictionary();
                assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
                int[] range = sig.getByteRange();
                assertThat(range[0]).isZero();
                assertThat((long) range[2] + range[3]).as("ByteRange ends at EOF").isEqualTo(pdf.length);
                org.bouncycastle.asn1.cms.ContentInfo info;
                try (var in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents())) {
                    info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
                }
                var cms = new org.bouncycastle.cms.CMSSignedData(
                        new org.bouncycastle.cms.CMSProcessableByteArray(sig.getSignedContent(pdf)), info);
                var signer = cms.getSignerInfos().getSigners().iterator().next();
                var cert = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates()
                        .getMatches(signer.getSID()).iterator().next();
                assertThat(signer.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                        .build(cert))).isTrue();
                assertThat(cert.getSubject().toString()).contains("TriLink demo");
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                        .contains("电子签署版", "电子签名");
            }
            // the party sees it complete, and the follow page's papers name the sealed version
            door(from).header("X-TriLink-Party-Pass", pass1).get("/api/v1/public/case/agreement").then()
                    .statusCode(200).body("complete", equalTo(true)).body("signedDocumentId", equalTo((int) signedId));

            // the history: each party's ONLINE signature, then the seal
            JsonPath history = api.as("mediator").get("/api/v1/cases/" + number + "/history").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(history.getList("findAll { it.type == 'AGREEMENT_SIGNED' }.actor", String.class))
                    .containsExactly("party:1", "party:2");
            assertThat(history.getList("findAll { it.type == 'AGREEMENT_SIGNED' }.change.channel", String.class))
                    .containsExactly("ONLINE", "ONLINE");
            assertThat(history.getList("type", String.class)).contains("AGREEMENT_SEALED", "PARTY_VIEWED_ONLINE");
            // the audit trail: the signatures, never a phone
            JsonPath audit = api.as("admin").queryParam("name", number).queryParam("size", 200)
                    .get("/api/v1/security-events").then().statusCode(200).extract().jsonPath();
            assertThat(audit.getList("events.kind", String.class)).contains("PUBLIC_AGREEMENT_SIGNED");
            assertThat(audit.prettify()).doesNotContain(phone1).doesNotContain(phone2);
            String openapi = api.anonymous().get("/openapi").then().statusCode(200).extract().asString();
            assertThat(openapi).contains("/api/v1/public/case/agreement",
                    "/api/v1/public/case/agreement/signatures", "/api/v1/public/case/agreement/{id}/pages/{page}");
        }
    }

    /**
     * Issue 24, the whole way: a party applies online; the office's staff find the application in
     * their inbox, accept it, mediate it to a written agreement and generate it; both parties sign
     * it on their phones; the sealed version verifies as the office's, and the applicant downloads
     * it from the door.
     */
    @Test
    void anOnlineApplicationIsWorkedByStaffToTheSignedAgreement() throws Exception {
        String marker = Api.marker();
        String applicant = somePhone();
        String respondent = somePhone();
        String from = someAddress();
        // the kept test database outlives a day's runs: the office's daily limit starts afresh
        api.as("admin").post("/api/v1/test-fixtures/codes/office-limits/forget").then().statusCode(200);
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret")) {
            int sent = sentTo(sms, applicant);
            String challenge = askCode(from, "APPLY", applicant, "JO-ZHAOXIANG", null).then().statusCode(202)
                    .extract().path("challenge");
            String pass = door(from).body("{\"code\": \"" + newCodeSentTo(sms, applicant, sent) + "\"}")
                    .post("/api/v1/public/codes/" + challenge).then().statusCode(200).extract().path("pass");
            String number = door(from).header("X-TriLink-Party-Pass", pass).body("""
                    {"disputeType": "NEIGHBOR", "summary": "邻居装修噪音扰民 %s", "regionCode": "310118104",
                     "address": "青浦区赵巷镇某路9号", "occurredAt": "2026-01-10T09:00:00+08:00",
                     "parties": [
                       {"role": "APPLICANT", "kind": "PERSON", "name": "陈一", "idNumber": "%s", "phone": "%s"},
                       {"role": "RESPONDENT", "kind": "PERSON", "name": "林二", "phone": "%s"}
                     ]}""".formatted(marker, someResidentId(), applicant, respondent))
                    .post("/api/v1/public/applications").then().statusCode(201).extract().path("caseNumber");

            // staff: in the inbox, then accepted, mediated and concluded with a written agreement
            api.as("mediator").queryParam("status", "RECEIVED").queryParam("channel", "ONLINE").queryParam("q", marker)
                    .get("/api/v1/cases").then().statusCode(200).body("items.caseNumber", contains(number));
            move(number, "accept", "{}");
            move(number, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}");
            move(number, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                    + " \"terms\": \"被申请人装修限于工作日8时至18时\"}");
            String docs = "/api/v1/cases/" + number + "/documents";
            io.restassured.response.Response generated = api.as("mediator").accept("application/pdf")
                    .post(docs + "/agreement");
            generated.then().statusCode(201);
            String sha = generated.header("ETag").replace("\"", "");

            // each party signs on their own phone (the applicant with the pass of the application)
            String respondentPass = follow(sms, someAddress(), respondent, number);
            for (String[] party : new String[][] {{applicant, pass}, {respondent, respondentPass}}) {
                sent = sentTo(sms, party[0]);
                String signing = askCode(from, "SIGN", party[0], null, number).then().statusCode(202).extract()
                        .path("challenge");
                sign(from, party[1], java.util.Base64.getEncoder().encodeToString(drawnSignature()), sha, signing,
                        newCodeSentTo(sms, party[0], sent)).then().statusCode(201);
            }
            long sealed = api.as("mediator").get(docs + "/signatures").then().statusCode(200)
                    .body("complete", equalTo(true)).body("parties.channel", contains("ONLINE", "ONLINE"))
                    .extract().jsonPath().getLong("signedDocumentId");
            api.as("mediator").get(docs + "/" + sealed + "/verification").then().statusCode(200)
                    .body("valid", equalTo(true)).body("signatures[0].officeCertificate", equalTo(true))
                    .body("signatures[0].coversWholeFile", equalTo(true));

            // the applicant finds the sealed version among the papers and downloads it
            JsonPath standing = door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case").then()
                    .statusCode(200).body("status", equalTo("CONCLUDED")).extract().jsonPath();
            assertThat(standing.getList("papers.id", Long.class)).contains(sealed);
            byte[] pdf = door(from).header("X-TriLink-Party-Pass", pass).accept("application/pdf")
                    .get("/api/v1/public/case/papers/" + sealed).then().statusCode(200).extract().asByteArray();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(doc.getSignatureDictionaries()).hasSize(1);
            }

            List<String> history = api.as("mediator").get("/api/v1/cases/" + number + "/history").then()
                    .statusCode(200).extract().jsonPath().getList("type");
            assertThat(history).containsSubsequence("RECEIVED", "ACCEPTED", "AGREEMENT_SIGNED", "AGREEMENT_SIGNED",
                    "AGREEMENT_SEALED");
        }
    }

    /** The FOLLOW pass of the party with this phone in this case, by a code from the local gateway. */
    private String follow(SmsGateway sms, String from, String phone, String caseNumber) throws Exception {
        int sent = sentTo(sms, phone);
        String challenge = askCode(from, "FOLLOW", phone, null, caseNumber).then().statusCode(202).extract()
                .path("challenge");
        return door(from).body("{\"code\": \"" + newCodeSentTo(sms, phone, sent) + "\"}")
                .post("/api/v1/public/codes/" + challenge).then().statusCode(200)
                .body("caseNumber", equalTo(caseNumber)).extract().path("pass");
    }

    /** How many SMS the local gateway delivered to this phone. */
    private static int sentTo(SmsGateway sms, String phone) {
        return (int) sms.delivered().stream().filter(m -> m.contains("\"" + phone + "\"")).count();
    }

    /** The code of an SMS to this phone after the first {@code before} (codes for a case go out beside the answer). */
    private static String newCodeSentTo(SmsGateway sms, String phone, int before) throws Exception {
        Eventually.within(java.time.Duration.ofSeconds(10), () -> sentTo(sms, phone) > before);
        return codeSentTo(sms, phone);
    }

    private io.restassured.response.Response sign(String from, String pass, String image, String sha256,
                                                  String challenge, String code) {
        return door(from).header("X-TriLink-Party-Pass", pass)
                .body("{\"image\": \"" + image + "\", \"sha256\": \"" + sha256 + "\", \"challenge\": \"" + challenge
                        + "\", \"code\": \"" + code + "\"}")
                .post("/api/v1/public/case/agreement/signatures");
    }

    /** A staff move on the case at its current version (If-Match), which must succeed. */
    private void move(String number, String what, String body) {
        long version = api.as("mediator").get("/api/v1/cases/" + number + "/actions").then().statusCode(200)
                .extract().jsonPath().getLong("version");
        api.as("mediator").header("If-Match", "\"" + version + "\"").body(body)
                .post("/api/v1/cases/" + number + "/" + what).then().statusCode(200);
    }

    /** Strokes on a transparent background, as the sign page's canvas sends them. */
    private static byte[] drawnSignature() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(340, 170, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(17, 17, 17));
        g.setStroke(new java.awt.BasicStroke(3, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        g.drawArc(30, 40, 80, 90, 20, 250);
        g.drawArc(120, 50, 70, 80, 60, 230);
        g.drawLine(20, 140, 310, 120);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] blankPng() throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(300, 100,
                java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    /**
     * Issue 24, rate and papers: after the follow-up visit a party rates the service once (1-5 and a
     * comment), not before it; the rating is in the case's history and the audit trail. The party
     * downloads the agreement listed among its papers, and gets the same 404 for another case's
     * document as for one that does not exist.
     */
    @Test
    void aPartyRatesTheServiceOnceAfterTheFollowUpVisitAndDownloadsItsPapers() throws Exception {
        String phone = somePhone();
        String otherPhone = somePhone();
        String from = someAddress();
        String visited = concludedWithAgreement(phone);
        String notYet = concludedWithAgreement(otherPhone);
        staffMove(visited, "follow-ups", "{\"method\": \"PHONE\", \"performance\": \"PERFORMED\", \"satisfaction\": 5,"
                + " \"notes\": \"已按期履行\"}").then().statusCode(201);
        try (SmsGateway sms = new SmsGateway(18925, "it-sms-secret")) {
            String pass = followPass(sms, from, phone, visited);
            String early = followPass(sms, from, otherPhone, notYet);

            // before the follow-up visit: not yet
            door(from).header("X-TriLink-Party-Pass", early).get("/api/v1/public/case/rating").then().statusCode(200)
                    .body("followedUp", equalTo(false)).body("mayRate", equalTo(false));
            door(from).header("X-TriLink-Party-Pass", early).body("{\"score\": 4}").post("/api/v1/public/case/rating")
                    .then().statusCode(409).contentType(containsString("application/problem+json"))
                    .body("type", equalTo("urn:trilink:problem:not-yet-ratable"));

            // after it: once, 1 to 5 stars
            door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case/rating").then().statusCode(200)
                    .body("followedUp", equalTo(true)).body("mayRate", equalTo(true)).body("rated", equalTo(false));
            for (String bad : List.of("{\"score\": 0}", "{\"score\": 6}", "{}",
                    "{\"score\": 3, \"comment\": \"" + "长".repeat(501) + "\"}")) {
                door(from).header("X-TriLink-Party-Pass", pass).body(bad).post("/api/v1/public/case/rating").then()
                        .statusCode(400).contentType(containsString("application/problem+json"))
                        .body("errors.field", anyOf(hasItem("score"), hasItem("comment")));
            }
            door("10.9.9.9").body("{\"score\": 2}").post("/api/v1/public/case/rating").then().statusCode(401);
            door(from).header("X-TriLink-Party-Pass", pass).body("{\"score\": 2, \"comment\": \"回访太晚了\"}")
                    .post("/api/v1/public/case/rating").then().statusCode(201).body("rated", equalTo(true))
                    .body("score", equalTo(2)).body("comment", equalTo("回访太晚了"));
            door(from).header("X-TriLink-Party-Pass", pass).body("{\"score\": 5}").post("/api/v1/public/case/rating")
                    .then().statusCode(409).body("type", equalTo("urn:trilink:problem:already-rated"));
            door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case/rating").then().statusCode(200)
                    .body("mayRate", equalTo(false)).body("rated", equalTo(true)).body("score", equalTo(2));

            // the papers: this case's agreement as PDF; another case's document is as unknown as none
            List<Integer> papers = door(from).header("X-TriLink-Party-Pass", pass).get("/api/v1/public/case").then()
                    .statusCode(200).body("papers.kind", everyItem(equalTo("AGREEMENT"))).extract().jsonPath()
                    .getList("papers.id", Integer.class);
            assertThat(papers).hasSize(1);
            byte[] pdf = door(from).header("X-TriLink-Party-Pass", pass).accept("application/pdf, application/problem+json")
                    .get("/api/v1/public/case/papers/" + papers.get(0)).then().statusCode(200)
                    .contentType("application/pdf").header("Cache-Control", containsString("no-store"))
                    .extract().asByteArray();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("人民调解协议书");
            }
            int othersPaper = door(from).header("X-TriLink-Party-Pass", early).get("/api/v1/public/case").then()
                    .statusCode(200).extract().jsonPath().getInt("papers[0].id");
            var foreign = door(from).header("X-TriLink-Party-Pass", pass).accept("application/pdf, application/problem+json")
                    .get("/api/v1/public/case/papers/" + othersPaper);
            var none = door(from).header("X-TriLink-Party-Pass", pass).accept("application/pdf, application/problem+json")
                    .get("/api/v1/public/case/papers/" + (othersPaper + 1_000_000));
            foreign.then().statusCode(404).contentType(containsString("application/problem+json"));
            none.then().statusCode(404).contentType(containsString("application/problem+json"));
            assertThat(foreign.jsonPath().getString("detail").replace(String.valueOf(othersPaper), "N"))
                    .isEqualTo(none.jsonPath().getString("detail").replace(String.valueOf(othersPaper + 1_000_000), "N"));

            // in the history: the rating and the download, by the party
            JsonPath history = api.as("mediator").get("/api/v1/cases/" + visited + "/history").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(history.getList("type", String.class)).containsSubsequence("FOLLOW_UP_RECORDED", "PARTY_RATED",
                    "PARTY_VIEWED_ONLINE");
            Map<String, Object> rated = history.getMap("find { it.type == 'PARTY_RATED' }");
            assertThat(rated.get("actor")).isEqualTo("party:1");
            assertThat(history.getString("find { it.type == 'PARTY_RATED' }.change.score")).isEqualTo("2");
            assertThat(history.getList("findAll { it.type == 'PARTY_VIEWED_ONLINE' }.change.what", String.class))
                    .contains("paper v1");
            // audited, with no phone
            JsonPath mine = api.as("admin").queryParam("name", visited).queryParam("size", 200)
                    .get("/api/v1/security-events").then().statusCode(200).extract().jsonPath();
            assertThat(mine.getList("events.kind", String.class)).contains("PUBLIC_SERVICE_RATED");
            assertThat(mine.prettify()).doesNotContain(phone).doesNotContain("回访太晚了");
        }
        // the rate page without a pass sends the party to the follow page; the API is described
        api.anonymous().redirects().follow(false).get("/public/rate.xhtml").then().statusCode(302)
                .header("Location", containsString("/public/follow.xhtml"));
        assertThat(api.anonymous().get("/openapi").then().statusCode(200).extract().asString())
                .contains("/api/v1/public/case/rating", "/api/v1/public/case/papers/{id}");
    }

    /** A case of the party with this phone (party 1), mediated to a written agreement, its PDF generated. */
    private String concludedWithAgreement(String phone) {
        String number = api.as("mediator").body(Api.intake(Api.marker()).replace("13800138000", phone)
                        .replace("POLICE_110", "WALK_IN"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("caseNumber");
        staffMove(number, "accept", "{}").then().statusCode(200);
        staffMove(number, "mediators", "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}").then()
                .statusCode(200);
        staffMove(number, "outcome", "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\","
                + " \"terms\": \"物业公司于十日内修复漏水\"}").then().statusCode(200);
        api.as("mediator").accept("application/pdf").post("/api/v1/cases/" + number + "/documents/agreement").then()
                .statusCode(201);
        return number;
    }

    private io.restassured.response.Response staffMove(String number, String what, String body) {
        long v = api.as("mediator").get("/api/v1/cases/" + number + "/actions").then().statusCode(200).extract()
                .jsonPath().getLong("version");
        return api.as("mediator").header("If-Match", "\"" + v + "\"").body(body)
                .post("/api/v1/cases/" + number + "/" + what);
    }

    /** A FOLLOW pass for the party with this phone, by a code from the tests' SMS gateway. */
    private String followPass(SmsGateway sms, String from, String phone, String caseNumber) throws Exception {
        String challenge = askCode(from, "FOLLOW", phone, null, caseNumber).then().statusCode(202).extract()
                .path("challenge");
        String code = codeSentTo(sms, phone);
        return door(from).body("{\"code\": \"" + code + "\"}").post("/api/v1/public/codes/" + challenge).then()
                .statusCode(200).body("purpose", equalTo("FOLLOW")).extract().path("pass");
    }

    @Test
    void anOfficePrintsItsPosterWithTheQrCodeOfItsApplyPage() throws Exception {
        byte[] pdf = api.as("mediator").accept("application/pdf").get("/api/v1/offices/JO-ZHAOXIANG/poster").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("赵巷司法所").contains("/public/apply.xhtml?office=JO-ZHAOXIANG");
        }
        api.as("mediator").accept("application/pdf").get("/api/v1/offices/JO-XUJING/poster").then().statusCode(403);
        api.as("admin").accept("application/pdf").get("/api/v1/offices/JO-XUJING/poster").then().statusCode(200);
    }
}
