package org.trilink.partners.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner agency's system, as the contract partner-exchange-v1 describes it: sends signed
 * referrals, receives and verifies callbacks (acknowledging each event id once), drops files.
 * JDK only, so that a person can run it with {@code java PartnerSimulator.java} (see
 * integration/partner-simulator.sh) and the tests use the very same code.
 */
public class PartnerSimulator {

    private final String base;
    private final String partnerId;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    public PartnerSimulator(String base, String partnerId, String secret) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.partnerId = partnerId;
        this.secret = secret;
    }

    /** What TriLink answered. */
    public record Answer(int status, String body, String location, String contentType) {
        /** A top-level string member of the JSON answer (enough for the contract's flat answers). */
        public String field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public Answer send(String json) {
        return post(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", now(), null);
    }

    /** A POST with everything under the caller's control, for the contract's refusals. */
    public Answer post(byte[] body, String contentType, long timestamp, String signatureOverride) {
        String signature = signatureOverride != null ? signatureOverride : sign(secret, timestamp, body);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/api/v1/partner/referrals"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Partner-Id", partnerId)
                .header("X-Timestamp", Long.toString(timestamp))
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return call(r.build());
    }

    public Answer status(String referralId) {
        long ts = now();
        return call(HttpRequest.newBuilder(URI.create(base + "/api/v1/partner/referrals/" + referralId))
                .timeout(Duration.ofSeconds(30))
                .header("X-Partner-Id", partnerId)
                .header("X-Timestamp", Long.toString(ts))
                .header("X-Signature", sign(secret, ts, new byte[0]))
                .GET().build());
    }

    private Answer call(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Puts a file into an inbox the way an exchange server does: written aside, then moved in. */
    public static Path drop(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path tmp = Files.createTempFile(inbox.getParent() != null ? inbox.getParent() : inbox, "drop-", ".part");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        return Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A referral message as the contract shows it, with the given external id and summary. */
    public static String referral(String externalId, String summary) {
        return """
                {"externalId": "%s", "channel": "POLICE_110", "occurredAt": "2023-10-20T09:15:00+08:00",
                 "disputeType": "NEIGHBOR", "summary": "%s", "regionCode": "310118104",
                 "address": "青浦区赵巷镇某路1号", "amountInvolved": 12000.00, "peopleInvolved": 2, "riskLevel": "LOW",
                 "parties": [
                   {"role": "APPLICANT", "kind": "PERSON", "name": "张三",
                    "idNumber": "11010519491231002X", "phone": "13800138000"},
                   {"role": "RESPONDENT", "kind": "ORGANISATION", "name": "某物业公司",
                    "creditCode": "91310118MA1JL0XX5Q"}
                 ]}
                """.formatted(externalId, summary);
    }

    public static final String CSV_HEADER = "externalId,channel,occurredAt,disputeType,summary,regionCode,address,"
            + "amountInvolved,peopleInvolved,riskLevel,targetOffice,applicantName,applicantKind,applicantIdNumber,"
            + "applicantPhone,respondentName,respondentKind,respondentIdNumber,respondentPhone\n";

    /** A CSV file of {@code rows} referrals; every row whose index is in {@code bad} has an invalid ID number. */
    public static String csv(String prefix, String marker, int rows, java.util.Set<Integer> bad) {
        StringBuilder s = new StringBuilder(CSV_HEADER);
        for (int i = 1; i <= rows; i++) {
            String id = bad.contains(i) ? "110105194912310021" : "11010519491231002X";
            s.append(prefix).append('-').append(i).append(",POLICE_110,2023-10-20T09:15:00+08:00,NEIGHBOR,")
                    .append("\"楼上漏水, 第").append(i).append("户 ").append(marker).append("\",310118104,青浦区赵巷镇某路")
                    .append(i).append("号,1200.50,2,LOW,,张三,PERSON,").append(id)
                    .append(",13800138000,某物业公司,ORGANISATION,91310118MA1JL0XX5Q,\n");
        }
        return s.toString();
    }

    // --- callbacks -------------------------------------------------------------------------

    /**
     * The partner's callback endpoint: verifies each callback's signature (401 if wrong),
     * answers 503 while "down", and counts deliveries per event id.
     */
    public static final class CallbackReceiver implements AutoCloseable {
        private final HttpServer server;
        private final String secret;
        private volatile boolean down;
        private volatile int answer = 200;
        private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
        private final Map<String, Long> firstAcknowledgedAt = new ConcurrentHashMap<>();
        private final List<String> bodies = new CopyOnWriteArrayList<>();
        private final AtomicInteger refusedWhileDown = new AtomicInteger();
        private final AtomicInteger badSignatures = new AtomicInteger();

        public CallbackReceiver(int port, String secret) throws IOException {
            this.secret = secret;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.createContext("/callbacks", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                int status;
                String ts = exchange.getRequestHeaders().getFirst("X-Timestamp");
                String sig = exchange.getRequestHeaders().getFirst("X-Signature");
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                if (down) {
                    refusedWhileDown.incrementAndGet();
                    status = 503;
                } else if (ts == null || sig == null || !MessageDigest.isEqual(
                        sign(this.secret, Long.parseLong(ts), body).getBytes(StandardCharsets.US_ASCII),
                        sig.getBytes(StandardCharsets.US_ASCII))) {
                    badSignatures.incrementAndGet();
                    status = 401;
                } else {
                    status = answer;
                    if (status >= 200 && status < 300) {
                        acknowledged.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        firstAcknowledgedAt.putIfAbsent(key, System.currentTimeMillis());
                        bodies.add(new String(body, StandardCharsets.UTF_8));
                    }
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
        }

        public void down(boolean isDown) {
            this.down = isDown;
        }

        /** The status to answer when up (e.g. 400 to make dead letters). */
        public void answer(int status) {
            this.answer = status;
        }

        /** How often each event id was acknowledged with a 2xx. */
        public Map<String, Integer> acknowledged() {
            Map<String, Integer> m = new java.util.HashMap<>();
            acknowledged.forEach((k, v) -> m.put(k, v.get()));
            return m;
        }

        /** When each event id was first acknowledged (epoch milliseconds). */
        public Map<String, Long> firstAcknowledgedAt() {
            return new java.util.HashMap<>(firstAcknowledgedAt);
        }

        public List<String> bodies() {
            return new ArrayList<>(bodies);
        }

        public int refusedWhileDown() {
            return refusedWhileDown.get();
        }

        public int badSignatures() {
            return badSignatures.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    // --- for a person at a terminal ---------------------------------------------------------

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("""
                    usage (defaults: TRILINK_URL=http://localhost:8080 PARTNER=demo-police SECRET=demo-police-secret):
                      send <file.json>          send a signed referral, print the answer
                      send-sample <externalId>  send the contract's sample referral
                      status <referralId>       ask where a referral stands
                      callbacks <port>          receive and verify callbacks until Ctrl-C
                      drop <inbox> <file.csv>   drop a CSV file into a partner inbox folder
                      csv <rows> <badRows>      print a CSV file of sample referrals""");
            return;
        }
        String url = System.getenv().getOrDefault("TRILINK_URL", "http://localhost:8080");
        String partner = System.getenv().getOrDefault("PARTNER", "demo-police");
        String secret = System.getenv().getOrDefault("SECRET", "demo-police-secret");
        PartnerSimulator sim = new PartnerSimulator(url, partner, secret);
        switch (args[0]) {
            case "send" -> print(sim.send(Files.readString(Path.of(args[1]))));
            case "send-sample" -> print(sim.send(referral(args[1], "楼上漏水，双方多次争吵")));
            case "status" -> print(sim.status(args[1]));
            case "callbacks" -> {
                CallbackReceiver r = new CallbackReceiver(Integer.parseInt(args[1]), secret);
                System.out.println("Receiving callbacks at " + r.url());
                while (true) {
                    Thread.sleep(5000);
                    System.out.println("acknowledged: " + r.acknowledged() + ", bad signatures: " + r.badSignatures());
                }
            }
            case "drop" -> {
                Path file = Path.of(args[2]);
                System.out.println(drop(Path.of(args[1]), file.getFileName().toString(), Files.readString(file)));
            }
            case "csv" -> {
                java.util.Set<Integer> bad = new java.util.HashSet<>();
                int rows = Integer.parseInt(args[0 + 1]);
                int badRows = Integer.parseInt(args[2]);
                for (int i = 1; bad.size() < badRows && i <= rows; i += Math.max(1, rows / Math.max(badRows, 1))) {
                    bad.add(i);
                }
                System.out.print(csv("SIM-" + now(), "sim", rows, bad));
            }
            default -> System.out.println("unknown command " + args[0]);
        }
    }

    private static void print(Answer a) {
        System.out.println(a.status() + (a.location() != null ? " Location: " + a.location() : ""));
        System.out.println(a.body());
    }
}
