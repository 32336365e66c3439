package org.trilink.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trilink.partners.simulator.PartnerSimulator;
import org.trilink.partners.simulator.PartnerSimulator.CallbackReceiver;
import org.trilink.platform.validation.IdentityNumbers;
import org.trilink.testing.Browser;

/**
 * The cluster check (issue 8), not a test: against the two-instance cluster of docker/cluster
 * (through nginx), a mixed load runs (intake over the API, partner referrals that the office
 * accepts, so that callbacks go out, a partner file drop, a statistics run) while the instance
 * that served the desk of a person signed in with a real browser (headless Chromium through
 * Selenium, as in the portal's ITs) is killed with {@code kill -9} and later started again.
 * Afterwards it checks: every accepted intake exists once; every partner referral exists once;
 * every callback was acknowledged once by the partner; the file's rows exist once; the
 * statistics run completed with the same figures as a run made after the storm; in the same
 * browser, the person's desk and case list showed on the surviving instance, and again after the
 * restart, without signing in again (screenshots in target/screenshots/cluster-*.png); an
 * intake form half filled in on the instance that then dies is finished and saved on the other,
 * and the case exists once, with what was typed before the kill. All of it through nginx's TLS:
 * http is redirected, the session cookie is {@code Secure; HttpOnly; SameSite=Lax}, HSTS is sent.
 * Exit status 0 only if all hold.
 * <pre>docker/cluster-check [seconds]</pre>
 * Arguments: base URL, the docker/cluster script, seconds of load, nginx's access log (which
 * names the instance that served each request), nginx's (trial) certificate to trust.
 */
public final class ClusterCheck {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("\"summary\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String base;
    private final String script;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private final Path accessLog;

    private ClusterCheck(String base, String script, Path accessLog) {
        this.base = base;
        this.script = script;
        this.accessLog = accessLog;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "https://127.0.0.1:8443";
        String script = args.length > 1 ? args[1] : "docker/cluster";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 90;
        Path accessLog = Path.of(args.length > 3 ? args[3] : "target/cluster/nginx/logs/access.log");
        Path certificate = Path.of(args.length > 4 ? args[4] : "target/cluster/tls/trilink.crt");
        if (base.startsWith("https:")) {
            // every HTTP client of the check (the partner simulator's too) trusts nginx's trial certificate, and only it
            SSLContext.setDefault(trusting(certificate));
        }
        ClusterCheck check = new ClusterCheck(base, script, accessLog);
        check.run(seconds);
        System.exit(check.failures.isEmpty() ? 0 : 1);
    }

    private void run(int seconds) throws Exception {
        String tag = "CC" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        long t0 = System.nanoTime();
        say("run " + tag + ": " + seconds + " s of mixed load through " + base);

        // a person signs in through nginx in a real browser; the instance that served their desk is the one to die
        try (Browser browser = new Browser(base, base.startsWith("https:"))) {
            run(seconds, tag, browser);
        }
        say(String.format("done in %.0f s: %s", (System.nanoTime() - t0) / 1e9,
                failures.isEmpty() ? "ALL CHECKS PASSED" : failures.size() + " FAILED"));
        failures.stream().limit(30).forEach(f -> System.out.println("  FAILED: " + f));
    }

    private void run(int seconds, String tag, Browser browser) throws Exception {
        if (base.startsWith("https:")) {
            tls();
        }
        browser.signIn("mediator");
        String served = browse(browser, "1-signed-in", tag, -1);
        // the intake form, half filled in: the instance that served it is the one to die
        String formServed = halfFillIntake(browser, tag);
        if (formServed.matches(".*:818[12]")) {
            served = formServed;
        }
        int victim = served.endsWith(":8182") ? 2 : 1;
        say("signed in as mediator in Chromium, desk and half of the intake form served by " + served + "; instance "
                + victim + " will be killed");

        try (CallbackReceiver partner = new CallbackReceiver(0, "demo-police-secret")) {
            Path inbox = Files.createTempDirectory("trilink-cluster-inbox");
            inbox.toFile().setWritable(true, false);
            HttpResponse<String> set = call("admin", "PUT", "/api/v1/partners/demo-police", """
                    {"name": "Demo police", "defaultOffice": "JO-ZHAOXIANG", "callbackUrl": "%s", "inboxFolder": "%s"}
                    """.formatted(partner.url(), inbox));
            expect(set.statusCode() == 200, "partner set-up answers 200, got " + set.statusCode() + " " + set.body());

            // statistics: a past year, which the load does not change
            String statsBody = "{\"matterKind\":\"PEOPLES_MEDIATION\",\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}";
            String runA = field(call("drafter", "POST", "/api/v1/statistics/runs", statsBody).body(), "runId");
            say("statistics run " + runA + " started");

            // a file of 40 partner referrals
            int fileRows = 40;
            PartnerSimulator.drop(inbox, tag + ".csv", PartnerSimulator.csv(tag + "-F", tag + "F", fileRows, Set.of()));

            // the load
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            Map<String, Integer> intakes = new ConcurrentHashMap<>(); // marker -> HTTP status (0: no answer)
            Map<String, String> referrals = new ConcurrentHashMap<>(); // external id -> case number
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger counter = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                threads.add(start(() -> {
                    while (System.nanoTime() < end) {
                        String marker = tag + "I" + counter.incrementAndGet() + "X";
                        int status;
                        try {
                            status = call("police", "POST", "/api/v1/cases", intake(marker)).statusCode();
                        } catch (Exception e) {
                            status = 0;
                        }
                        intakes.put(marker, status);
                    }
                }));
            }
            PartnerSimulator sim = new PartnerSimulator(base, "demo-police", "demo-police-secret");
            threads.add(start(() -> {
                while (System.nanoTime() < end) {
                    String externalId = tag + "P" + counter.incrementAndGet() + "X";
                    String caseNumber = null;
                    // a partner resends until it hears back: the external id makes that safe
                    for (int attempt = 0; attempt < 30 && caseNumber == null; attempt++) {
                        try {
                            PartnerSimulator.Answer a = sim.send(PartnerSimulator.referral(externalId, "楼上漏水 " + externalId));
                            if (a.status() / 100 == 2) {
                                caseNumber = a.field("caseNumber");
                            }
                        } catch (RuntimeException e) {
                            // no answer: send again
                        }
                        if (caseNumber == null) {
                            sleep(1000);
                        }
                    }
                    if (caseNumber == null) {
                        failures.add("partner referral " + externalId + " got no answer in 30 tries");
                        continue;
                    }
                    referrals.put(externalId, caseNumber);
                    if (accept(caseNumber)) {
                        accepted.add(caseNumber);
                    }
                }
            }));

            sleep(seconds * 1000L / 3);
            exec(script, "kill", String.valueOf(victim));
            long killedAt = System.nanoTime();
            long killedAtMillis = System.currentTimeMillis();
            String formCase = finishIntake(browser, tag, victim);
            String after = browse(browser, "2-after-kill", tag, victim);
            say("instance " + victim + " killed; the browser's session went on at " + after);
            sleep(Math.max(0, seconds * 1000L / 3 - (System.nanoTime() - killedAt) / 1_000_000));
            Thread restart = start(() -> exec(script, "restart", String.valueOf(victim)));
            for (Thread t : threads) {
                t.join();
            }
            restart.join();
            say("load done: " + intakes.size() + " intakes sent, " + referrals.size() + " partner referrals, "
                    + accepted.size() + " accepted");
            say("after the restart the browser's session went on at " + browse(browser, "3-after-restart", tag, 0));

            // callbacks: one ACCEPTED event per accepted referral, acknowledged. The contract
            // delivers each event at least once under one eventId, which the partner uses to
            // recognise a repeat; so a repeat is allowed only for an event that was in flight
            // when the instance died (sent, acknowledged, not yet recorded as delivered).
            waitFor(Duration.ofMinutes(3), () -> partner.acknowledged().size() >= accepted.size());
            Map<String, Integer> acks = partner.acknowledged();
            Map<String, Long> firstAck = partner.firstAcknowledgedAt();
            expect(acks.size() >= accepted.size(), "callbacks acknowledged for all " + accepted.size()
                    + " accepted referrals, got " + acks.size());
            List<String> repeated = acks.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            for (String eventId : repeated) {
                long at = firstAck.getOrDefault(eventId, 0L);
                expect(Math.abs(at - killedAtMillis) <= 15_000, "event " + eventId + " was delivered "
                        + acks.get(eventId) + " times, first " + (at - killedAtMillis) + " ms from the kill:"
                        + " only an event in flight when the instance died may come again");
            }
            for (String caseNumber : accepted) {
                long events = partner.bodies().stream().filter(b -> b.contains(caseNumber) && b.contains("ACCEPTED"))
                        .map(b -> b.replaceAll("(?s).*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1")).distinct().count();
                expect(events == 1, "one ACCEPTED event (one eventId) names " + caseNumber + ", found " + events);
            }
            say("callbacks: " + acks.size() + " events acknowledged, " + repeated.size()
                    + " delivered again after the kill (same eventId, recognised by the partner)");
            expect(partner.badSignatures() == 0, "every callback was signed");

            // intakes: every 201 exists once; one without an answer at most once
            Map<String, Integer> found = count(tag + "I");
            long created = intakes.values().stream().filter(s -> s == 201).count();
            long unknown = intakes.values().stream().filter(s -> s == 0 || s >= 500).count();
            intakes.forEach((marker, status) -> {
                int n = found.getOrDefault(marker, 0);
                if (status == 201) {
                    expect(n == 1, "intake " + marker + " (201) exists " + n + " times");
                } else {
                    expect(n <= 1, "intake " + marker + " (" + status + ") exists " + n + " times");
                }
            });
            Map<Integer, Long> byStatus = new java.util.TreeMap<>();
            intakes.values().forEach(st -> byStatus.merge(st, 1L, Long::sum));
            say("intakes: " + created + " created (201), " + unknown + " without an answer or 5xx; by status " + byStatus);
            // a restarting instance answers 404 until TriLink is deployed; nginx must ask the other one
            expect(!byStatus.containsKey(404), byStatus.getOrDefault(404, 0L) + " intakes were answered 404"
                    + " (a restarting instance's answer that nginx should have taken to the other instance)");

            // partner referrals: every external id once
            Map<String, Integer> fromPartner = count(tag + "P");
            referrals.keySet().forEach(id -> expect(fromPartner.getOrDefault(id, 0) == 1,
                    "partner referral " + id + " exists " + fromPartner.getOrDefault(id, 0) + " times"));

            // the file: every row once
            waitFor(Duration.ofMinutes(2), () -> total(tag + "F") >= fileRows);
            Map<String, Integer> rows = count(tag + "F");
            expect(rows.values().stream().mapToInt(Integer::intValue).sum() == fileRows, "the file's " + fileRows
                    + " rows exist once each, found " + rows.values().stream().mapToInt(Integer::intValue).sum());

            // statistics: run A completes (restarted if the kill took it down) with the figures of a calm run B
            String statusA = waitForRun(runA);
            if (!"COMPLETED".equals(statusA)) {
                say("statistics run " + runA + " ended " + statusA + "; restarting it");
                call("drafter", "POST", "/api/v1/statistics/runs/" + runA + "/restart", "");
                statusA = waitForRun(runA);
            }
            expect("COMPLETED".equals(statusA), "statistics run " + runA + " completed, ended " + statusA);
            String runB = field(call("drafter", "POST", "/api/v1/statistics/runs", statsBody).body(), "runId");
            expect("COMPLETED".equals(waitForRun(runB)), "statistics run " + runB + " completed");
            String a = figures(runA);
            String b = figures(runB);
            int at = 0;
            while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                at++;
            }
            expect(a.equals(b), "statistics run " + runA + " (" + statusA + ") has the figures of run " + runB
                    + "; first difference at " + at + ": " + a.substring(Math.max(0, at - 120), Math.min(a.length(), at + 80))
                    + " | " + b.substring(Math.max(0, at - 120), Math.min(b.length(), at + 80)));

            // the form begun on the killed instance and sent on the other: one case, with what was typed before the kill
            Map<String, Integer> forms = count(tag + "W");
            expect(forms.getOrDefault(tag + "W1X", 0) == 1, "failover mid-form: the intake begun before the kill exists"
                    + " once, found " + forms.getOrDefault(tag + "W1X", 0));
            if (formCase != null) {
                String registered = call("mediator", "GET", "/api/v1/cases/" + formCase, null).body();
                expect(registered.contains("王五") && registered.contains("张三") && registered.contains("李四"),
                        "failover mid-form: case " + formCase + " has the three parties (the third added before the kill),"
                                + " got " + firstLine(registered));
                expect(registered.contains("\"disputeType\":\"NEIGHBOR\"") || registered.contains("\"disputeType\": \"NEIGHBOR\""),
                        "failover mid-form: case " + formCase + " has the dispute type chosen before the kill");
            }

            numbering(tag);
            throttling(tag);
        }
    }

    /**
     * TLS at nginx (issue 22): plain http is redirected to https; over https the session cookie
     * comes back {@code Secure; HttpOnly; SameSite=Lax} and answers carry HSTS.
     */
    private void tls() throws Exception {
        URI https = URI.create(base);
        String plain = "http://" + https.getHost() + ":8190";
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(plain + "/login"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
        String location = redirect.headers().firstValue("Location").orElse("");
        expect(redirect.statusCode() == 301 && location.equals(base + "/login"), "tls: http " + plain
                + "/login is redirected to " + base + "/login, got " + redirect.statusCode() + " " + location);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
        List<String> flags = java.util.Arrays.stream(cookie.split(";")).map(String::strip).toList();
        expect(login.statusCode() == 200 && flags.contains("Secure") && flags.contains("HttpOnly")
                && flags.stream().anyMatch(f -> f.equalsIgnoreCase("SameSite=Lax")), "tls: the login page over https"
                + " sets the session cookie Secure; HttpOnly; SameSite=Lax, got " + login.statusCode() + " "
                + cookie.replaceAll("JSESSIONID=[^;]*", "JSESSIONID=…"));
        String hsts = login.headers().firstValue("Strict-Transport-Security").orElse("");
        expect(hsts.startsWith("max-age=") && Long.parseLong(hsts.replaceAll("max-age=(\\d+).*", "$1")) >= 15_552_000,
                "tls: HSTS of at least 180 days over https, got '" + hsts + "'");
        HttpResponse<Void> api = http.send(request("police", "GET", "/api/v1/regions", null).build(),
                HttpResponse.BodyHandlers.discarding());
        expect(api.statusCode() == 200 && api.headers().firstValue("Strict-Transport-Security").isPresent(),
                "tls: the API answers over https with HSTS, got " + api.statusCode());
        say("tls: http redirects to https (" + redirect.statusCode() + "); session cookie "
                + String.join("; ", flags.subList(Math.min(1, flags.size()), flags.size())) + "; HSTS " + hsts);
    }

    /**
     * In the browser, the mediator opens the intake form and fills in half of it: the dispute,
     * the applicant (whose ID number the form checks at once, on the server) and a third party
     * added on the server (an ajax request), whose row only the server's copy of the form knows.
     * Returns the instance that served the form.
     */
    private String halfFillIntake(Browser browser, String tag) {
        String marker = tag + "-form";
        try {
            browser.open("cases/intake.xhtml?check=" + marker);
            browser.waitFor(By.id("intake:save"));
            String served = upstream(browser, "cases/intake.xhtml", marker);
            browser.choose("intake:channel", "POLICE_110");
            browser.choose("intake:disputeType", "NEIGHBOR");
            browser.choose("intake:region", "310118104");
            browser.type("intake:summary", "楼上漏水，填到一半换了实例 " + tag + "W1X");
            browser.type("intake:parties:0:name", "张三");
            browser.type("intake:parties:0:idNumber", residentId());
            browser.byId("intake:parties:0:idNumber").sendKeys(org.openqa.selenium.Keys.TAB);
            browser.waitForAjax();
            browser.clickAjax("intake:addParty");
            browser.waitFor(By.id("intake:parties:2:name"));
            browser.screenshot("cluster-form-1-half-filled");
            String ajaxServed = lastUpstream(Pattern.compile("\"POST /cases/intake\\.xhtml[^\"]*\" 200 .*upstream=(.*?) upstream_status="));
            say("  the intake form half filled in (three parties), served by " + served + ", its ajax by " + ajaxServed);
            // the session reaches the other instance a moment after the request that changed it
            sleep(3000);
            return ajaxServed.equals("?") ? served : ajaxServed;
        } catch (Exception e) {
            expect(false, "failover mid-form: half of the intake form could not be filled in: "
                    + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
            return "?";
        }
    }

    /**
     * After the kill, the same browser goes on with the same form: the rest of the parties, then
     * save, which the surviving instance must take (the form's view and its three parties came
     * with the session). Returns the case number shown on the case page, or null.
     */
    private String finishIntake(Browser browser, String tag, int dead) {
        String what = "failover mid-form";
        try {
            browser.type("intake:parties:1:name", "李四");
            browser.type("intake:parties:2:name", "王五");
            browser.screenshot("cluster-form-2-finished-after-kill");
            browser.click("intake:save");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(d ->
                    !d.findElements(By.id("caseNumber")).isEmpty() || !d.findElements(By.id("login:username")).isEmpty()
                            || !d.findElements(By.cssSelector(".ui-messages-error, .ui-message-error")).isEmpty());
            browser.screenshot("cluster-form-3-saved-after-kill");
            String served = lastUpstream(Pattern.compile("\"POST /cases/intake\\.xhtml[^\"]*\" 30[23] .*upstream=(.*?) upstream_status="));
            expect(browser.all(By.id("login:username")).isEmpty(), what + ": the mediator is still signed in after the"
                    + " kill (" + browser.driver().getCurrentUrl() + ")");
            expect(browser.all(By.cssSelector(".ui-messages-error, .ui-message-error")).isEmpty(), what
                    + ": the form was accepted, not refused: " + firstLine(safe(browser::pageText)));
            expect(!served.endsWith(":" + (8180 + dead)) && served.matches(".*:818[12]"), what
                    + ": the surviving instance took the form, served by " + served);
            if (browser.all(By.id("caseNumber")).isEmpty()) {
                expect(false, what + ": the case page did not open (" + browser.driver().getCurrentUrl() + ")");
                return null;
            }
            String caseNumber = browser.text(By.id("caseNumber"));
            say("  the form begun on instance " + dead + " was sent after the kill on " + served + ": case " + caseNumber);
            return caseNumber;
        } catch (Exception e) {
            expect(false, what + ": the form could not be finished after the kill: " + e.getClass().getSimpleName()
                    + " " + firstLine(e.getMessage()) + " (" + safe(() -> browser.driver().getCurrentUrl()) + ")");
            try {
                browser.screenshot("cluster-form-3-failed");
            } catch (Exception ignored) {
                // the failure is reported already
            }
            return null;
        }
    }

    /** The instance that served the last request matching {@code line} in nginx's access log, or "?". */
    private String lastUpstream(Pattern line) {
        Pattern address = Pattern.compile("[0-9.]+:[0-9]+");
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                List<String> lines = Files.readAllLines(accessLog, StandardCharsets.ISO_8859_1);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    Matcher m = line.matcher(lines.get(i));
                    if (m.find()) {
                        Matcher a = address.matcher(m.group(1));
                        String last = "?";
                        while (a.find()) {
                            last = a.group();
                        }
                        return last;
                    }
                }
            } catch (IOException e) {
                // read it again
            }
            sleep(250);
        }
        return "?";
    }

    /** An SSL context that trusts exactly this certificate (nginx's self-signed trial certificate). */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (var in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("trilink-trial", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /**
     * Sign-in throttling (issue 22) counts across instances: wrong passwords sent to the two
     * instances in turn lock the account on both, and the admin's unlock on either frees it on both.
     */
    private void throttling(String tag) throws Exception {
        String name = tag.toLowerCase() + "-guess";
        HttpResponse<String> made = call("admin", "POST", "/api/v1/staff", """
                {"username": "%s", "displayName": "集群锁定", "officeCode": "JO-ZHAOXIANG", "roles": ["STAFF"],
                 "password": "Right-pass-1"}""".formatted(name));
        expect(made.statusCode() == 201, "throttling: account created, got " + made.statusCode() + " " + made.body());
        String[] instances = {"http://127.0.0.1:8181", "http://127.0.0.1:8182"};
        int failures = 0;
        for (int attempt = 0; failures < 5 && attempt < 40; attempt++) {
            HttpResponse<String> r = basic(instances[attempt % 2], name, "wrong-" + attempt);
            if (r.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")) + 50);
            } else {
                expect(r.statusCode() == 401, "throttling: a wrong password answers 401, got " + r.statusCode());
                failures++;
            }
        }
        for (String instance : instances) {
            HttpResponse<String> r = basic(instance, name, "Right-pass-1");
            expect(r.statusCode() == 429 && r.body().contains("\"locked\":true"), "throttling: after 5 failures on the two"
                    + " instances the account is locked at " + instance + ", got " + r.statusCode() + " " + r.body());
        }
        HttpResponse<String> unlock = call("admin", "POST", "/api/v1/staff/" + name + "/unlock", null);
        expect(unlock.statusCode() == 204, "throttling: the admin unlocks, got " + unlock.statusCode());
        for (String instance : instances) {
            // the password is taken again; the account being new, its first password must be changed first
            HttpResponse<String> r = basic(instance, name, "Right-pass-1");
            expect(r.statusCode() == 403 && r.body().contains("password-change-required"), "throttling: unlocked at "
                    + instance + ", got " + r.statusCode() + " " + r.body());
        }
        say("throttling: " + failures + " failures on two instances locked " + name + " on both; unlocked on both");
    }

    private HttpResponse<String> basic(String instance, String user, String password) throws IOException,
            InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/regions")).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Official numbers (issue 20): 200 cases of one office accepted at once, through nginx, by
     * both instances: every case gets one register number of the office and year, none is given
     * twice, none is skipped, and the office's counter stands at the last.
     */
    private void numbering(String tag) throws Exception {
        int year = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        int before = number(call("police", "GET", "/api/v1/offices/PS-ZHAOXIANG/numbers", null).body(), "registerLast");
        int many = 200;
        Map<String, String> versions = new ConcurrentHashMap<>(); // case number -> version
        Map<String, Integer> servedBy = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> clerks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            clerks.add(start(() -> {
                for (int i = next.incrementAndGet(); i <= many; i = next.incrementAndGet()) {
                    try {
                        String body = call("police", "POST", "/api/v1/cases", intake(tag + "N" + i + "X")).body();
                        versions.put(field(body, "caseNumber"), String.valueOf(number(body, "version")));
                    } catch (Exception e) {
                        failures.add("numbering: intake " + i + " failed: " + e);
                    }
                }
            }));
        }
        for (Thread t : clerks) {
            t.join();
        }
        expect(versions.size() == many, "numbering: " + many + " cases received, got " + versions.size());
        List<String> cases = new ArrayList<>(versions.keySet());
        AtomicInteger at = new AtomicInteger(-1);
        clerks.clear();
        long t0 = System.nanoTime();
        for (int t = 0; t < 16; t++) {
            clerks.add(start(() -> {
                for (int i = at.incrementAndGet(); i < cases.size(); i = at.incrementAndGet()) {
                    String n = cases.get(i);
                    try {
                        HttpResponse<String> r = http.send(request("police", "POST", "/api/v1/cases/" + n + "/accept",
                                "{}").header("If-Match", "\"" + versions.get(n) + "\"").build(),
                                HttpResponse.BodyHandlers.ofString());
                        expect(r.statusCode() == 200, "numbering: accepting " + n + " answers 200, got " + r.statusCode()
                                + " " + firstLine(r.body()));
                        servedBy.merge(r.headers().firstValue("X-TriLink-Upstream").orElse("?")
                                .replaceAll(".*?([0-9.]+:[0-9]+)$", "$1"), 1, Integer::sum);
                    } catch (Exception e) {
                        failures.add("numbering: accepting " + n + " failed: " + e);
                    }
                }
            }));
        }
        for (Thread t : clerks) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Set<String> given = new java.util.TreeSet<>();
        for (String n : cases) {
            String number = field(call("police", "GET", "/api/v1/cases/" + n, null).body(), "registerNumber");
            expect(number != null && given.add(number), "numbering: case " + n + " has a register number of its own, got "
                    + number);
        }
        Set<String> expected = new java.util.TreeSet<>();
        for (int i = before + 1; i <= before + many; i++) {
            expected.add("青赵警调登〔%d〕第%04d号".formatted(year, i));
        }
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(given);
        Set<String> unexpected = new java.util.TreeSet<>(given);
        unexpected.removeAll(expected);
        expect(missing.isEmpty() && unexpected.isEmpty(), "numbering: numbers " + (before + 1) + " to " + (before + many)
                + " given once each; missing " + missing + ", unexpected " + unexpected);
        int last = number(call("police", "GET", "/api/v1/offices/PS-ZHAOXIANG/numbers", null).body(), "registerLast");
        expect(last == before + many, "numbering: the office's counter stands at " + (before + many) + ", got " + last);
        expect(servedBy.keySet().stream().filter(u -> u.matches(".*:818[12]")).count() == 2,
                "numbering: both instances gave numbers, served by " + servedBy);
        say(String.format("numbering: %d cases accepted at once in %.1f s, served by %s; register numbers %d to %d of %d,"
                + " %d distinct, %d missing", many, seconds, servedBy, before + 1, before + many, year, given.size(),
                missing.size()));
    }

    // ---------------------------------------------------------------- steps

    /** The office accepts the partner's pending referral of the case (what sends the ACCEPTED callback). */
    private boolean accept(String caseNumber) {
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        // as long as an instance may take to come back under load (57 s seen in CI), and then some
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < giveUpAt) {
            try {
                HttpResponse<String> answer = call("mediator", "GET", "/api/v1/cases/" + caseNumber + "/referrals", null);
                if (answer.statusCode() != 200) {
                    // e.g. the 404 page of an instance whose port is open before TriLink is deployed
                    sleep(1000);
                    continue;
                }
                String referrals = answer.body();
                String pending = null;
                for (String r : referrals.split("\\},\\s*\\{")) {
                    Matcher m = id.matcher(r);
                    if (r.contains("\"PENDING\"") && m.find()) {
                        pending = m.group(1);
                    } else if (r.contains("\"ACCEPTED\"")) {
                        return true; // accepted by an earlier try whose answer was lost
                    }
                }
                if (pending == null) {
                    failures.add("case " + caseNumber + " has no pending referral: " + referrals);
                    return false;
                }
                String actions = call("mediator", "GET", "/api/v1/cases/" + caseNumber + "/actions", null).body();
                String version = actions.replaceAll("(?s).*\"version\"\\s*:\\s*(\\d+).*", "$1");
                HttpResponse<String> r = http.send(request("mediator", "POST", "/api/v1/referrals/" + pending + "/accept",
                        "{}").header("If-Match", "\"" + version + "\"").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (Exception e) {
                // the instance died under the call: look again
            }
            sleep(1000);
        }
        failures.add("the referral of case " + caseNumber + " could not be accepted in 150 s");
        return false;
    }

    private String waitForRun(String runId) {
        String[] status = {"?"};
        waitFor(Duration.ofMinutes(10), () -> {
            status[0] = field(call("drafter", "GET", "/api/v1/statistics/runs/" + runId, null).body(), "status");
            return Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status[0]);
        });
        return status[0];
    }

    private String figures(String runId) throws Exception {
        String body = call("drafter", "GET", "/api/v1/statistics/runs/" + runId, null).body();
        // the figures array only (JSON-B writes the members in alphabetical order: run id and times follow)
        int i = body.indexOf("\"figures\"");
        return i < 0 ? "" : body.substring(i, body.indexOf(']', i) + 1);
    }

    /** How often each marker (a word ending in X) occurs among the case summaries that contain {@code prefix}. */
    private Map<String, Integer> count(String prefix) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        Pattern marker = Pattern.compile(Pattern.quote(prefix) + "[-0-9]*X?");
        for (int page = 0; ; page++) {
            String body = call("admin", "GET", "/api/v1/cases?size=200&page=" + page + "&q="
                    + URLEncoder.encode(prefix, StandardCharsets.UTF_8), null).body();
            Matcher s = SUMMARY.matcher(body);
            int items = 0;
            while (s.find()) {
                items++;
                Matcher m = marker.matcher(s.group(1));
                if (m.find()) {
                    seen.merge(m.group(), 1, Integer::sum);
                }
            }
            if (items < 200) {
                return seen;
            }
        }
    }

    private long total(String q) throws Exception {
        Matcher m = TOTAL.matcher(call("admin", "GET", "/api/v1/cases?size=1&q=" + q, null).body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * In the browser, as a person carries on: the desk, then the case list. Each must show the
     * signed-in person and real content, not the login page; each is saved as
     * target/screenshots/cluster-{step}-{page}.png. Returns the instance that served the desk;
     * {@code dead}, if above 0, is the killed instance, which must have served neither page.
     */
    private String browse(Browser browser, String step, String tag, int dead) {
        String served = page(browser, step, "desk", "", tag, dead);
        page(browser, step, "cases", "cases/list.xhtml", tag, dead);
        return served;
    }

    private String page(Browser browser, String step, String name, String path, String tag, int dead) {
        String what = "the " + name + " (" + step + ")";
        String marker = tag + "-" + step + "-" + name;
        String served = "?";
        try {
            browser.open(path + "?check=" + marker);
            // either the page of a signed-in person or the login page, whichever comes
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                    !d.findElements(By.id("currentUser")).isEmpty() || !d.findElements(By.id("login:username")).isEmpty());
            served = upstream(browser, path, marker);
            String where = " (" + browser.driver().getCurrentUrl() + ", served by " + served + ")";
            boolean signedIn = browser.all(By.id("login:username")).isEmpty()
                    && browser.text(By.id("currentUser")).contains("王调解");
            expect(signedIn, what + " shows the signed-in mediator, not the login page" + where);
            expect(served.matches(".*:818[12]"), what + ": nginx's access log names the instance that served it" + where);
            if (dead > 0) {
                expect(!served.endsWith(":" + (8180 + dead)), what + " was served by the surviving instance" + where);
            }
            if (!signedIn) {
                return served;
            }
            if (name.equals("desk")) {
                // the desk's to-do counts (issue 23): referrals waiting, follow-ups due, today's sessions, open cases
                String open = browser.text(By.id("countOpen"));
                boolean counted = java.util.stream.Stream.of("countReferrals", "countFollowUps", "countSessionsToday",
                        "countOpen").allMatch(id -> browser.text(By.id(id)).matches("[0-9,]+"));
                expect(counted, what + " shows its four counts, open cases: " + open + where);
                say("  " + what + ": signed in, served by " + served + ", " + open + " open cases");
            } else {
                int rows = browser.all(By.cssSelector("#cases\\:table .tl-case-link")).size();
                expect(rows > 0, what + " lists cases, found " + rows + where);
                say("  " + what + ": signed in, served by " + served + ", " + rows + " cases on the first page");
            }
        } catch (RuntimeException e) {
            expect(false, what + " did not show: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage())
                    + " (" + safe(() -> browser.driver().getCurrentUrl()) + ", title " + safe(() -> browser.driver().getTitle())
                    + ", served by " + served + ")");
        } finally {
            try {
                browser.screenshot("cluster-" + step + "-" + name);
            } catch (Exception e) {
                say("no screenshot of " + what + ": " + e.getMessage());
            }
        }
        return served;
    }

    /**
     * The instance that served the browser's request for this marked page. A browser cannot read
     * nginx's X-TriLink-Upstream header, so it is read from nginx's access log ("upstream=", the
     * last address when nginx asked a second instance); without the log, one plain request in the
     * browser's session (all its cookies, JSESSIONIDVERSION too) reads the header instead.
     */
    private String upstream(Browser browser, String path, String marker) {
        Pattern line = Pattern.compile("\"GET /" + Pattern.quote(path + "?check=" + marker) + " .*upstream=(.*?) upstream_status=");
        if (Files.isReadable(accessLog)) {
            return lastUpstream(line);
        }
        String cookies = browser.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/" + path + "?check=" + marker))
                    .header("Cookie", cookies).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-TriLink-Upstream").orElse("?");
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private HttpRequest.Builder request(String user, String method, String path, String body) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws IOException,
            InterruptedException {
        return http.send(request(user, method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String intake(String marker) {
        return """
                {"channel": "POLICE_110", "disputeType": "NEIGHBOR", "summary": "楼上漏水 %s",
                 "regionCode": "310118104", "address": "青浦区赵巷镇某路1号", "peopleInvolved": 2, "riskLevel": "LOW",
                 "parties": [{"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s"},
                             {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s"}]}
                """.formatted(marker, residentId(), residentId());
    }

    private static String residentId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = "310118" + (1950 + r.nextInt(50)) + String.format("%02d%02d%03d", 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(1000));
        return first17 + IdentityNumbers.residentIdCheck(first17);
    }

    private void exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                failures.add(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            failures.add(String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void expect(boolean condition, String what) {
        if (!condition) {
            failures.add(what);
            if (failures.size() <= 20) {
                say("FAILED: " + what);
            }
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private void waitFor(Duration limit, Condition condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            sleep(1000);
        }
    }

    private static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String s) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), s);
    }
}
