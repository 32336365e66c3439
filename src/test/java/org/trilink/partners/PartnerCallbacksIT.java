package org.trilink.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trilink.outbox.entity.OutboxMessage;
import org.trilink.partners.control.IntakeAnswer;
import org.trilink.partners.control.Outbox;
import org.trilink.partners.control.PartnerIntake;
import org.trilink.partners.control.PartnerRegistry;
import org.trilink.partners.control.ReferralStatus;
import org.trilink.partners.entity.Partner;
import org.trilink.partners.simulator.PartnerSimulator;
import org.trilink.testing.Deployments;
import org.trilink.testing.Eventually;

/**
 * Callbacks to partners, inside the server: a stand-in for the case lifecycle records
 * REFERRAL_ACCEPTED / REFERRAL_REJECTED / OUTCOME_RECORDED exactly as issue 3 will, and the
 * real outbox route delivers to the partner simulator's callback endpoint.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerCallbacksIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.trilinkWar();
        // Arquillian's in-container runner servlet must be reachable without a staff login
        String webXml = new String(readAll(war.get("WEB-INF/web.xml").getAsset().openStream()),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("<url-pattern>/api/v1/partner/*</url-pattern>",
                        "<url-pattern>/api/v1/partner/*</url-pattern><url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
                                + "<url-pattern>/ArquillianServletRunner</url-pattern>");
        war.delete("WEB-INF/web.xml");
        war.setWebXML(new org.jboss.shrinkwrap.api.asset.StringAsset(webXml));
        return war
                .addClasses(PartnerCallbacksIT.class, LifecycleStandIn.class, PartnerSimulator.class,
                        PartnerSimulator.Answer.class, PartnerSimulator.CallbackReceiver.class, Eventually.class);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    PartnerRegistry registry;

    @Inject
    PartnerIntake intake;

    @Inject
    LifecycleStandIn lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    ReferralStatus status;

    record Sent(String caseNumber, String referralId) {
    }

    Partner partner(String callbackUrl) {
        String code = "cb-" + UUID.randomUUID().toString().substring(0, 8);
        return registry.create(code, "Callback test " + code, "JO-ZHAOXIANG", callbackUrl, null);
    }

    Sent refer(Partner p) {
        String externalId = "CB-" + UUID.randomUUID();
        IntakeAnswer a = intake.take(p, intake.parse(PartnerSimulator.referral(externalId, "回调测试")
                .getBytes(StandardCharsets.UTF_8)), "HTTP");
        assertEquals(202, a.status());
        return new Sent(a.caseNumber(), a.referralId());
    }

    @Test
    void callbacksWaitForADownEndpointAndArriveOnceEachWhenItIsBack() throws Exception {
        try (PartnerSimulator.CallbackReceiver receiver = new PartnerSimulator.CallbackReceiver(0, "unset")) {
            Partner p = partner(receiver.url());
            try (PartnerSimulator.CallbackReceiver verifying = new PartnerSimulator.CallbackReceiver(0, p.secret())) {
                registry.change(p.code(), p.name(), p.defaultOfficeCode(), verifying.url(), null);
                verifying.down(true);
                List<Sent> sent = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Sent s = refer(p);
                    lifecycle.accept(s.caseNumber());
                    sent.add(s);
                }
                // tried and refused several times while down
                Eventually.within(Duration.ofSeconds(60), () -> verifying.refusedWhileDown() >= 10);
                assertTrue(verifying.acknowledged().isEmpty());
                verifying.down(false);
                Eventually.within(Duration.ofSeconds(60), () -> verifying.acknowledged().size() == 5);
                Thread.sleep(3000); // nothing more arrives
                Map<String, Integer> acks = verifying.acknowledged();
                assertEquals(5, acks.size());
                acks.values().forEach(n -> assertEquals(1, n, "each event acknowledged once: " + acks));
                assertEquals(0, verifying.badSignatures());
                for (Sent s : sent) {
                    assertTrue(verifying.bodies().stream().anyMatch(b -> b.contains("\"referralId\":\"" + s.referralId()
                            + "\"") && b.contains("\"event\":\"ACCEPTED\"") && b.contains(s.caseNumber())));
                    assertTrue(status.of(p.code(), s.referralId()).contains("\"status\":\"ACCEPTED\""));
                }
                // the admin sees the attempts: refusals first, then the 200
                OutboxMessage m = outbox.recent(p.code(), 10).get(0);
                assertEquals(OutboxMessage.Status.DELIVERED, m.status());
                assertTrue(m.attempts() >= 2);
                assertEquals(200, outbox.attempts(m.id()).get(m.attempts() - 1).httpStatus());
                assertEquals(503, outbox.attempts(m.id()).get(0).httpStatus());
                // attempt ids come in blocks of 50 (V12), starting above the ids in use, never at or below zero
                outbox.attempts(m.id()).forEach(a -> assertTrue(a.id() > 0, "attempt id " + a.id()));
            }
        }
    }

    @Test
    void rejectionAndConclusionCarryTheirReasonAndOutcome() {
        try (PartnerSimulator.CallbackReceiver receiver = new PartnerSimulator.CallbackReceiver(0, "x")) {
            Partner p = partner("http://127.0.0.1:9/unused");
            try (PartnerSimulator.CallbackReceiver r = new PartnerSimulator.CallbackReceiver(0, p.secret())) {
                registry.change(p.code(), p.name(), p.defaultOfficeCode(), r.url(), null);
                Sent rejected = refer(p);
                lifecycle.reject(rejected.caseNumber(), "不属于人民调解受理范围");
                Sent concluded = refer(p);
                lifecycle.accept(concluded.caseNumber());
                lifecycle.conclude(concluded.caseNumber());
                Eventually.within(Duration.ofSeconds(30), () -> r.acknowledged().size() == 3);
                assertTrue(r.bodies().stream().anyMatch(b -> b.contains("\"event\":\"REJECTED\"")
                        && b.contains("不属于人民调解受理范围") && b.contains(rejected.referralId())));
                assertTrue(r.bodies().stream().anyMatch(b -> b.contains("\"event\":\"CONCLUDED\"")
                        && b.contains("\"result\":\"SUCCESS\"") && b.contains("\"agreementForm\":\"WRITTEN\"")));
                String rejectedStatus = status.of(p.code(), rejected.referralId());
                assertTrue(rejectedStatus.contains("\"status\":\"REJECTED\""), rejectedStatus);
                assertTrue(rejectedStatus.contains("不属于人民调解受理范围"), rejectedStatus);
                String concludedStatus = status.of(p.code(), concluded.referralId());
                assertTrue(concludedStatus.contains("\"status\":\"CONCLUDED\""), concludedStatus);
                assertTrue(concludedStatus.contains("\"result\":\"SUCCESS\""), concludedStatus);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        try (PartnerSimulator.CallbackReceiver r = new PartnerSimulator.CallbackReceiver(0, "x")) {
            Partner p = partner(r.url());
            Sent s = refer(p);
            assertThrows(RuntimeException.class, () -> lifecycle.acceptThenFail(s.caseNumber()));
            assertTrue(outbox.recent(p.code(), 10).isEmpty());
            assertTrue(status.of(p.code(), s.referralId()).contains("\"status\":\"PENDING\""));
        }
    }

    @Test
    void aRefusingPartnerGetsDeadLettersThatAnAdminReplays() throws Exception {
        try (PartnerSimulator.CallbackReceiver r0 = new PartnerSimulator.CallbackReceiver(0, "x")) {
            Partner p = partner(r0.url());
            try (PartnerSimulator.CallbackReceiver r = new PartnerSimulator.CallbackReceiver(0, p.secret())) {
                registry.change(p.code(), p.name(), p.defaultOfficeCode(), r.url(), null);
                r.answer(422);
                Sent s = refer(p);
                lifecycle.accept(s.caseNumber());
                Eventually.within(Duration.ofSeconds(30), () -> !outbox.deadLetters(p.code(), 10).isEmpty());
                OutboxMessage dead = outbox.deadLetters(p.code(), 10).get(0);
                assertEquals(1, dead.attempts(), "another 4xx is not retried");
                assertEquals(422, dead.lastStatus());
                assertTrue(r.acknowledged().isEmpty());

                r.answer(200);
                outbox.replay(dead.id());
                Eventually.within(Duration.ofSeconds(30), () -> r.acknowledged().size() == 1);
                assertEquals(1, r.acknowledged().get(dead.eventId()), "the same event id on replay");
                assertFalse(outbox.deadLetters(p.code(), 10).stream().anyMatch(m -> m.id().equals(dead.id())));
            }
        }
    }
}
