package org.trilink.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trilink.partners.simulator.PartnerSimulator;
import org.trilink.testing.Api;
import org.trilink.testing.Deployments;
import org.trilink.testing.Eventually;

/**
 * A case registered before the server stops is there after it starts again: the embedded H2
 * file (or PostgreSQL) keeps it, and start-up neither migrates twice nor reloads demo data.
 * One scenario in steps, so the steps run in order. Then (issue 4) the server is killed with
 * SIGKILL while partner callbacks are owed and a partner's file is half read: after the restart
 * every callback arrives once and the file makes each case once.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static String caseNumber;
    private static String marker;
    private static long casesBefore;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "app", managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.trilinkWar();
    }

    @Test
    @Order(1)
    void start() {
        deployer.deploy("app");
    }

    @Test
    @Order(2)
    void registerACaseThenRestart(@ArquillianResource @OperateOnDeployment("app") URL base) {
        Api api = new Api(base);
        marker = Api.marker();
        caseNumber = api.as("police").body(Api.intake(marker)).post("/api/v1/cases").then().statusCode(201)
                .extract().jsonPath().getString("caseNumber");
        casesBefore = api.as("admin").queryParam("size", 1).get("/api/v1/cases").then().extract().jsonPath()
                .getLong("total");
        deployer.undeploy("app");
        deployer.deploy("app");
    }

    @Test
    @Order(3)
    void theCaseSurvivedTheRestart(@ArquillianResource @OperateOnDeployment("app") URL base) {
        Api api = new Api(base);
        try {
            api.as("police").get("/api/v1/cases/" + caseNumber).then().statusCode(200)
                    .body("summary", containsString(marker))
                    .body("parties[0].idNumber", equalTo("11010519491231002X"));
            // demo data is loaded once, not again at the second start
            api.as("admin").queryParam("size", 1).get("/api/v1/cases").then().statusCode(200)
                    .body("total", equalTo((int) casesBefore));
        } catch (AssertionError | RuntimeException e) {
            deployer.undeploy("app");
            throw e;
        }
    }

    // ---- kill -9 (issue 4): committed work survives a crash, nothing is lost or done twice ----

    private static PartnerSimulator.CallbackReceiver receiver;
    private static Path inbox;
    private static String fileMarker;
    private static final int ACCEPTED = 10;
    private static final int ROWS = 1500;

    @Test
    @Order(4)
    void killedHardWithCallbacksOwedAndAFileHalfRead(@ArquillianResource @OperateOnDeployment("app") URL base)
            throws Exception {
        Api api = new Api(base);
        try {
            inbox = Files.createTempDirectory("trilink-kill-inbox-");
            String code = "kill-" + Api.marker().toLowerCase(java.util.Locale.ROOT);
            String secret = api.as("admin").body("{\"code\": \"" + code + "\", \"name\": \"Kill test\","
                            + " \"defaultOffice\": \"JO-BAIHE\"}").post("/api/v1/partners").then().statusCode(201)
                    .extract().jsonPath().getString("secret");
            receiver = new PartnerSimulator.CallbackReceiver(0, secret);
            receiver.down(true); // the partner is down: the callbacks stay owed
            // the file's referrals wait in Baihe's inbox
            api.as("admin").body("{\"name\": \"Kill test\", \"defaultOffice\": \"JO-BAIHE\", \"callbackUrl\": \""
                            + receiver.url() + "\", \"inboxFolder\": \"" + inbox + "\"}")
                    .put("/api/v1/partners/" + code).then().statusCode(200);
            PartnerSimulator partner = new PartnerSimulator(api.base(), code, secret);
            String marker = Api.marker();
            for (int i = 0; i < ACCEPTED; i++) {
                String caseNumber = partner.send(PartnerSimulator.referral("K-" + marker + "-" + i, "崩溃 " + marker)
                        .replace("\"riskLevel\": \"LOW\"", "\"riskLevel\": \"LOW\", \"targetOffice\": \"JO-XUJING\""))
                        .field("caseNumber");
                Map<String, Object> pending = api.as("mediator2").queryParam("q", caseNumber)
                        .get("/api/v1/referrals/inbox").then().statusCode(200)
                        .extract().jsonPath().getMap("pending.find { it.caseNumber == '" + caseNumber + "' }");
                api.as("mediator2").header("If-Match", "\"" + pending.get("caseVersion") + "\"")
                        .post("/api/v1/referrals/" + pending.get("id") + "/accept").then().statusCode(200);
            }
            Eventually.within(Duration.ofSeconds(60), () -> receiver.refusedWhileDown() >= ACCEPTED);

            // a batch in flight: the server is killed while it reads the file
            fileMarker = Api.marker();
            PartnerSimulator.drop(inbox, "batch-" + fileMarker + ".csv",
                    PartnerSimulator.csv("KB-" + fileMarker, fileMarker, ROWS, Set.of()));
            Eventually.within(Duration.ofMinutes(2), () -> casesWith(api, fileMarker) >= 50);
            ProcessHandle server = ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Payara Micro child process"));
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no Camel stop, no commit of open work
            server.onExit().get(30, TimeUnit.SECONDS);
            assertThat(Files.exists(inbox.resolve("done").resolve("batch-" + fileMarker + ".csv")))
                    .as("the file was still being read when the server died").isFalse();
        } finally {
            deployer.undeploy("app"); // the process is gone already; this resets Arquillian's view of it
        }
        deployer.deploy("app");
    }

    @Test
    @Order(5)
    void afterTheRestartEveryCallbackArrivesOnceAndTheFileMakesEachCaseOnce(
            @ArquillianResource @OperateOnDeployment("app") URL base) throws Exception {
        Api api = new Api(base);
        try {
            receiver.down(false);
            Eventually.within(Duration.ofSeconds(90), () -> receiver.acknowledged().size() == ACCEPTED);
            Eventually.within(Duration.ofMinutes(4), () -> Files.exists(inbox.resolve("done")
                    .resolve("batch-" + fileMarker + ".csv")));
            Thread.sleep(3000); // nothing more arrives
            assertThat(receiver.acknowledged()).hasSize(ACCEPTED);
            assertThat(receiver.acknowledged().values()).allMatch(n -> n == 1);
            assertThat(receiver.badSignatures()).isZero();
            assertThat(casesWith(api, fileMarker)).isEqualTo(ROWS);
        } finally {
            receiver.close();
            deployer.undeploy("app");
        }
    }

    private static long casesWith(Api api, String marker) {
        return api.as("admin").queryParam("q", marker).queryParam("size", 1).get("/api/v1/cases").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }
}
