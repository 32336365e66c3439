package org.trilink.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.trilink.platform.validation.IdentityNumbers;

/**
 * Case intake over the REST API ({@code POST /api/v1/cases}) from N concurrent clients for a
 * fixed time, after a warm-up: prints the rate and latency percentiles. Not a test; run by
 * benchmarks/intake-cluster.sh against one instance and against two behind nginx. Every
 * request carries fresh resident ID numbers, so the "open cases with the same parties" lookup
 * that intake answers with stays as small as it is in real use.
 * <pre>java -cp target/classes:target/test-classes org.trilink.bench.IntakeBenchmark http://127.0.0.1:8190 16 60 15</pre>
 * The last line is machine-readable: {@code RESULT rate p50 p95 p99 ok errors}.
 */
public final class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8190";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("police:police-demo".getBytes(StandardCharsets.UTF_8));
        URI cases = URI.create(base + "/api/v1/cases");

        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000 / clients];
            perClient.add(lat);
            int[] count = {0};
            Thread t = new Thread(() -> {
                while (true) {
                    long s = System.nanoTime();
                    if (s >= end) {
                        break;
                    }
                    HttpRequest post = HttpRequest.newBuilder(cases).header("Authorization", basic)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body())).build();
                    boolean ok;
                    try {
                        ok = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long e = System.nanoTime();
                    if (s >= warmEnd && e <= end) {
                        if (ok && count[0] < lat.length) {
                            lat[count[0]++] = e - s;
                        } else if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
                lat[lat.length - 1] = count[0]; // the count rides in the last slot
            }, "intake-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perClient.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        double rate = all.length / (double) seconds;
        System.out.printf("intake %s: %d clients, %d s (after %d s warm-up): %d created, %d errors, %.1f intakes/s%n",
                base, clients, seconds, warmup, all.length, errors.get(), rate);
        System.out.printf("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", ms(all, 0.50), ms(all, 0.95), ms(all, 0.99));
        System.out.printf("RESULT %.1f %.1f %.1f %.1f %d %d%n", rate, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
                all.length, errors.get());
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** A neighbour dispute in Zhaoxiang between two people with fresh (valid) resident ID numbers. */
    static String body() {
        return """
                {"channel": "POLICE_110", "disputeType": "NEIGHBOR",
                 "summary": "楼上漏水，双方多次争吵（压测）",
                 "regionCode": "310118104", "address": "青浦区赵巷镇某路1号",
                 "amountInvolved": 12000.00, "peopleInvolved": 2, "riskLevel": "LOW",
                 "occurredAt": "2026-01-10T09:15:00+08:00",
                 "parties": [
                   {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s", "phone": "13800138000"},
                   {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s", "phone": "13900139000"}
                 ]}
                """.formatted(residentId(), residentId());
    }

    static String residentId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = "310118" + (1950 + r.nextInt(50)) + String.format("%02d%02d%03d", 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(1000));
        return first17 + IdentityNumbers.residentIdCheck(first17);
    }
}
