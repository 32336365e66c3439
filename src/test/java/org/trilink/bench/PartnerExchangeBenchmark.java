package org.trilink.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.trilink.partners.simulator.PartnerSimulator;

/**
 * The partner exchange's speed (issue 4), against a running TriLink on PostgreSQL, each figure
 * next to a baseline measured in the same run. Not a test. Three parts:
 * <ol>
 * <li>sustained rate: {@code threads} partner systems send signed referrals back to back for
 * {@code seconds}; baseline: the same threads calling GET /health/live of the same server;</li>
 * <li>latency at 50 referrals/s, open loop (each request timed from the moment it was due, so a
 * slow answer cannot hide the ones queued behind it); baseline: /health/live at 50/s;</li>
 * <li>callback delivery once a backlog exists: {@code backlog} callbacks are written PENDING and
 * not yet due into the outbox (SQL, the row the lifecycle writes), made due at once, and timed
 * until the simulator's receiver has acknowledged them all; baseline: this JVM POSTing the same
 * signed bodies straight to the same receiver with 16 threads.</li>
 * </ol>
 * Usage (see benchmarks/partners/run.sh, which starts the server on its own schema):
 * <pre>java -cp target/test-classes:target/runtime/postgresql.jar org.trilink.bench.PartnerExchangeBenchmark \
 *   http://localhost:18481 'jdbc:postgresql://127.0.0.1:5432/test?currentSchema=trilink_partners_bench' 16 30 5000 [parts]</pre>
 * where {@code parts} names the parts to run ("123" by default; "3": callback delivery alone).
 */
public final class PartnerExchangeBenchmark {

    record Stats(String what, long[] nanos, int ok, double seconds) {
        double rate() {
            return ok / seconds;
        }

        double median() {
            return pct(0.5);
        }

        double p99() {
            return pct(0.99);
        }

        double pct(double q) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) (s.length * q))] / 1e6;
        }

        void print() {
            System.out.printf("%-52s n=%6d ok=%6d %8.1f/s median=%7.2f ms p90=%7.2f ms p99=%7.2f ms%n", what,
                    nanos.length, ok, rate(), median(), pct(0.9), p99());
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
    private static final AtomicLong SEQ = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:18481";
        String jdbc = args.length > 1 ? args[1] : null;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int backlog = args.length > 4 ? Integer.parseInt(args[4]) : 5000;
        // which parts to run, e.g. "3" for callback delivery alone while iterating on it
        String parts = args.length > 5 ? args[5] : "123";
        String run = Long.toString(System.currentTimeMillis() / 1000, 36);

        String[] partner = createPartner(base, "bench-" + run);
        String code = partner[0];
        String secret = partner[1];
        PartnerSimulator sim = new PartnerSimulator(base, code, secret);
        HttpRequest live = HttpRequest.newBuilder(URI.create(base + "/health/live")).timeout(Duration.ofSeconds(30))
                .build();
        System.out.printf("partner %s; %d threads, %d s per closed-loop part; backlog %d callbacks%n", code, threads,
                seconds, backlog);

        // warm-up: JIT, pools, the case-number sequence
        closedLoop("warm-up", 4, 10, () -> sim.send(referral(run)).status() == 202);
        closedLoop("warm-up", 4, 3, () -> get(live) == 200);

        if (parts.contains("1")) {
            sustained(threads, seconds, live, sim, run);
        }
        if (parts.contains("2")) {
            atFiftyPerSecond(seconds, live, sim, run);
        }
        if (!parts.contains("3")) {
            System.exit(0);
        }
        if (jdbc == null) {
            System.out.println("\nno JDBC URL: callback delivery not measured");
            return;
        }
        try {
            delivery(base, jdbc, code, secret, backlog);
        } catch (Exception e) {
            // the callback receiver's threads would keep the JVM (and run.sh's lock) alive
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void sustained(int threads, int seconds, HttpRequest live, PartnerSimulator sim, String run)
            throws Exception {
        System.out.println("\n-- 1. sustained rate, closed loop --");
        Stats baseline = closedLoop("baseline GET /health/live", threads, seconds, () -> get(live) == 200);
        baseline.print();
        Stats signed = closedLoop("signed referral POST /api/v1/partner/referrals", threads, seconds,
                () -> sim.send(referral(run)).status() == 202);
        signed.print();
        System.out.printf("accepted referrals/s: %.1f (target >= 300); ratio of rates baseline/referrals: %.1f;"
                + " ratio of medians referrals/baseline: %.1f%n", signed.rate(), baseline.rate() / signed.rate(),
                signed.median() / baseline.median());
    }

    static void atFiftyPerSecond(int seconds, HttpRequest live, PartnerSimulator sim, String run) throws Exception {
        System.out.println("\n-- 2. latency at 50/s, open loop --");
        Stats baseline50 = openLoop("baseline GET /health/live at 50/s", 50, seconds, () -> get(live) == 200);
        baseline50.print();
        Stats signed50 = openLoop("signed referral at 50/s", 50, seconds, () -> sim.send(referral(run)).status() == 202);
        signed50.print();
        System.out.printf("p99 at 50/s: %.1f ms (target < 200 ms); ratio of p99 referrals/baseline: %.1f%n",
                signed50.p99(), signed50.p99() / baseline50.p99());
    }

    static void delivery(String base, String jdbc, String code, String secret, int backlog) throws Exception {
        System.out.println("\n-- 3. callback delivery from a backlog --");
        try (PartnerSimulator.CallbackReceiver receiver = new PartnerSimulator.CallbackReceiver(0, secret);
             Connection db = DriverManager.getConnection(jdbc, System.getProperty("db.user", "postgres"),
                     System.getProperty("db.password", "postgres"))) {
            setCallbackUrl(base, code, receiver.url());
            // baseline: the same signed bodies straight to the receiver
            int direct = Math.min(backlog, 3000);
            AtomicInteger next = new AtomicInteger();
            Cpu c0 = Cpu.now();
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (int i = 0; i < 16; i++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < direct) {
                        String eventId = UUID.randomUUID().toString();
                        byte[] body = callbackBody(eventId).getBytes(StandardCharsets.UTF_8);
                        long ts = PartnerSimulator.now();
                        post(HttpRequest.newBuilder(URI.create(receiver.url()))
                                .header("X-Partner-Id", code).header("X-Timestamp", Long.toString(ts))
                                .header("X-Signature", PartnerSimulator.sign(secret, ts, body))
                                .header("Idempotency-Key", eventId)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            double directSeconds = (System.nanoTime() - t0) / 1e9;
            Cpu c1 = Cpu.now();
            int directAcks = receiver.acknowledged().size();
            System.out.printf("%-52s %d acknowledged in %.2f s: %.1f/s%n", "baseline: POST straight to the receiver",
                    directAcks, directSeconds, directAcks / directSeconds);

            try (PreparedStatement insert = db.prepareStatement("""
                    insert into partner_outbox (id, event_id, partner_code, kind, event, target_url, payload, status,
                                                attempts, next_attempt_at, created_at)
                    select nextval('partner_outbox_seq'), e.id, ?, 'CALLBACK', 'ACCEPTED', ?,
                           '{"eventId":"' || e.id || '","event":"ACCEPTED","occurredAt":"2026-11-29T12:00:00Z",'
                           || '"referralId":"' || e.id || '","externalId":"BENCH-' || e.n || '","caseNumber":"TL0000-'
                           || e.n || '","rejectionReason":null,"outcome":null}',
                           'PENDING', 0, now() + interval '1 day', now()
                    from (select gen_random_uuid()::text id, n from generate_series(1, ?) n) e
                    """)) {
                insert.setString(1, code);
                insert.setString(2, receiver.url());
                insert.setInt(3, backlog);
                insert.executeUpdate();
            }
            int before = receiver.acknowledged().size();
            Cpu c2 = Cpu.now();
            long t1 = System.nanoTime();
            try (PreparedStatement due = db.prepareStatement(
                    "update partner_outbox set next_attempt_at = now() where partner_code = ? and status = 'PENDING'")) {
                due.setString(1, code);
                due.executeUpdate();
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (receiver.acknowledged().size() - before < backlog && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double deliverySeconds = (System.nanoTime() - t1) / 1e9;
            Cpu c3 = Cpu.now();
            int delivered = receiver.acknowledged().size() - before;
            long twice = receiver.acknowledged().values().stream().filter(n -> n > 1).count();
            System.out.printf("%-52s %d acknowledged in %.2f s: %.1f/s (target >= 500); bad signatures %d,"
                            + " acknowledged twice %d%n", "outbox delivery of the backlog", delivered, deliverySeconds,
                    delivered / deliverySeconds, receiver.badSignatures(), twice);
            System.out.printf("ratio of rates baseline/delivery: %.1f%n",
                    (directAcks / directSeconds) / (delivered / deliverySeconds));
            c1.since(c0).print("baseline", directAcks);
            c3.since(c2).print("delivery", delivered);
        }
    }

    /**
     * CPU seconds so far (Linux /proc; NaN elsewhere): this JVM (the partner's receiver, and the
     * baseline's client), the server (-Dserver.pid, set by run.sh), and the whole machine, whose
     * other processes include PostgreSQL and whatever else shares the cores.
     */
    record Cpu(double self, double server, double machine) {
        static Cpu now() {
            double self = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new Cpu(self, processCpu(System.getProperty("server.pid")), machineBusy());
        }

        Cpu since(Cpu before) {
            return new Cpu(self - before.self, server - before.server, machine - before.machine);
        }

        void print(String phase, int events) {
            System.out.printf("CPU in the %s phase: server %.2f s (%.2f ms per event), receiver JVM %.2f s (%.2f ms),"
                            + " whole machine %.2f s (%.2f ms)%n", phase, server, server * 1000 / events, self,
                    self * 1000 / events, machine, machine * 1000 / events);
        }

        private static final double TICK = 100; // USER_HZ on Linux

        private static double processCpu(String pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK; // utime, stime
            } catch (Exception e) {
                return Double.NaN;
            }
        }

        private static double machineBusy() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                        .split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7}) { // user, nice, system, irq, softirq
                    busy += Long.parseLong(f[i]);
                }
                return busy / TICK;
            } catch (Exception e) {
                return Double.NaN;
            }
        }
    }

    interface Call {
        boolean ok() throws Exception;
    }

    static Stats closedLoop(String what, int threads, int seconds, Call call) throws Exception {
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean good = safe(call);
                    times.add(System.nanoTime() - s);
                    if (good) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double took = (System.nanoTime() - start) / 1e9;
        return new Stats(what, times.stream().mapToLong(Long::longValue).toArray(), ok.get(), took);
    }

    static Stats openLoop(String what, int perSecond, int seconds, Call call) throws Exception {
        int n = perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pool.submit(() -> {
                boolean good = safe(call);
                times.add(System.nanoTime() - due); // from when it was due: queueing counts
                if (good) {
                    ok.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        return new Stats(what, times.stream().mapToLong(Long::longValue).toArray(), ok.get(), took);
    }

    private static boolean safe(Call call) {
        try {
            return call.ok();
        } catch (Exception e) {
            return false;
        }
    }

    static String referral(String run) {
        return PartnerSimulator.referral("BENCH-" + run + "-" + SEQ.incrementAndGet(), "基准测试 " + run);
    }

    static String callbackBody(String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"event\":\"ACCEPTED\",\"occurredAt\":\"2026-11-29T12:00:00Z\","
                + "\"referralId\":\"" + eventId + "\",\"externalId\":\"BENCH\",\"caseNumber\":\"TL0000-1\","
                + "\"rejectionReason\":null,\"outcome\":null}";
    }

    static int get(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int post(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
    }

    static String[] createPartner(String base, String code) throws Exception {
        String body = "{\"code\": \"" + code + "\", \"name\": \"Benchmark " + code + "\", \"defaultOffice\": \"JO-ZHAOXIANG\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/partners"))
                .header("Authorization", admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating the partner: " + r.statusCode() + " " + r.body());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no secret in " + r.body());
        }
        return new String[] {code, m.group(1)};
    }

    static void setCallbackUrl(String base, String code, String url) throws Exception {
        String body = "{\"name\": \"Benchmark " + code + "\", \"defaultOffice\": \"JO-ZHAOXIANG\", \"callbackUrl\": \""
                + url + "\"}";
        HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/api/v1/partners/" + code))
                .header("Authorization", admin()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            // a kept-alive connection the server closed while the open-loop part ran: the PUT is
            // idempotent, so it is sent once more on a new connection
            r = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("setting the callback URL: " + r.statusCode() + " " + r.body());
        }
    }

    private PartnerExchangeBenchmark() {
    }
}
