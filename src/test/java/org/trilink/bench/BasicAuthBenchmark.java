package org.trilink.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Prints the latency of API calls with HTTP Basic credentials against a running TriLink, next
 * to a baseline in the same run: the unauthenticated liveness endpoint of the same server.
 * Not a test. Usage (after ./mvnw package and with TriLink running):
 * <pre>java -cp target/test-classes org.trilink.bench.BasicAuthBenchmark http://localhost:8080 500</pre>
 * Run it once against a server with the credential cache on (the default) and once with
 * TRILINK_SECURITY_CREDENTIAL_CACHE_SECONDS=0 to see what the cache saves.
 */
public final class BasicAuthBenchmark {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("police:police-demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest baseline = HttpRequest.newBuilder(URI.create(base + "/health/live")).build();
        HttpRequest api = HttpRequest.newBuilder(URI.create(base + "/api/v1/regions")).header("Authorization", basic)
                .build();
        for (int i = 0; i < 50; i++) { // warm-up
            http.send(baseline, HttpResponse.BodyHandlers.discarding());
            http.send(api, HttpResponse.BodyHandlers.discarding());
        }
        long[] b = new long[n];
        long[] a = new long[n];
        for (int i = 0; i < n; i++) { // interleaved, so noise hits both alike
            b[i] = time(http, baseline);
            a[i] = time(http, api);
        }
        print("baseline GET /health/live (no auth)", b);
        print("GET /api/v1/regions with Basic auth", a);
        System.out.printf("ratio of medians (api / baseline): %.2f%n", median(a) / median(b));
    }

    private static long time(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return took;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static void print(String what, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s n=%d median=%.2f ms p90=%.2f ms p99=%.2f ms%n", what, values.length,
                sorted[values.length / 2] / 1e6, sorted[(int) (values.length * 0.9)] / 1e6,
                sorted[(int) (values.length * 0.99)] / 1e6);
    }
}
