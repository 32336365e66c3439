package org.trilink.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
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
import org.trilink.testing.Api;
import org.trilink.testing.Deployments;

/**
 * A case registered before the server stops is there after it starts again: the embedded H2
 * file (or PostgreSQL) keeps it, and start-up neither migrates twice nor reloads demo data.
 * One scenario in three steps, so the steps run in order.
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
        } finally {
            deployer.undeploy("app");
        }
    }
}
