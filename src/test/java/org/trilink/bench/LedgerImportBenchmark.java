package org.trilink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.partners.control.LedgerEncoding;
import org.trilink.partners.control.LedgerFile;
import org.trilink.partners.control.LedgerReader;

/**
 * The ledger import's speed and memory (issue 21: a 100,000-row ledger at ≥ 1,000 rows/s with the
 * server's heap under 512 MB), against a running TriLink on PostgreSQL. Not a test. For each file
 * given: a baseline, this JVM reading the file through with the server's own reader
 * ({@link LedgerReader}, no row checked or stored); then {@code POST /api/v1/ledgers?office=} as
 * the demo admin, timed whole (upload, the server's read-through check, every row) and, while it
 * runs, sampled every {@code SAMPLE} seconds: the office's imported rows (ledger_row, over JDBC)
 * for a rate per chunk, the server's heap ({@code jstat -gc}: used, and used right after a
 * collection) and its resident memory (/proc); every {@code -Danalyze=20} seconds the import's
 * tables are analysed, as autovacuum would (off on this machine). Prints one line per file and
 * the load average.
 * <pre>java -cp target/test-classes:target/classes:'target/runtime/lib/*':target/runtime/postgresql.jar \
 *   org.trilink.bench.LedgerImportBenchmark BASE JDBC SERVER_PID label=file@OFFICE ...</pre>
 * (benchmarks/ledger/run.sh starts the server and passes these.)
 */
public final class LedgerImportBenchmark {

    private static final int SAMPLE_SECONDS = Integer.getInteger("sample", 5);
    /** Seconds between ANALYZEs of the import's tables while it runs (0: none); see Sampler.analyze. */
    private static final int ANALYZE_SECONDS = Integer.getInteger("analyze", 20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        long pid = Long.parseLong(args[2]);
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
        System.out.printf("%-14s %8s %10s %9s %9s %9s %9s %7s %8s %8s %8s %6s  %s%n", "file", "rows", "read rows/s",
                "import s", "rows/s", "chunk med", "chunk min", "ratio", "heap max", "afterGC", "RSS max", "failed",
                "load average");
        for (int i = 3; i < args.length; i++) {
            String[] spec = args[i].split("[=@]");
            run(spec[0], Path.of(spec[1]), spec[2], base, jdbc, pid, auth);
        }
    }

    static void run(String label, Path file, String office, String base, String jdbc, long pid, String auth)
            throws Exception {
        boolean xlsx = file.toString().endsWith(".xlsx");
        // baseline: reading the file as the server reads it, in this JVM, nothing checked or stored
        long[] readRows = {0};
        long t0 = System.nanoTime();
        if (xlsx) {
            LedgerReader.xlsx(file, (n, row) -> readRows[0]++);
        } else {
            LedgerReader.csv(file, LedgerEncoding.named("UTF-8").orElseThrow(), (n, row) -> readRows[0]++);
        }
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        String load = loadAverage();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", System.getenv().getOrDefault("PGPASSWORD", ""));
             Sampler sampler = new Sampler(db, office, pid)) {
            long before = sampler.imported();
            sampler.start(before);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/ledgers?office=" + office))
                    .timeout(Duration.ofHours(2)).header("Authorization", auth)
                    .header("Content-Type", xlsx ? LedgerFile.XLSX : "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            long start = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.stop();
            if (answer.statusCode() != 200) {
                System.out.printf("%-14s HTTP %d: %s%n", label, answer.statusCode(),
                        answer.body().substring(0, Math.min(400, answer.body().length())));
                return;
            }
            int created = field(answer.body(), "created");
            int repeated = field(answer.body(), "repeated");
            int failed = field(answer.body(), "failed");
            List<Double> chunks = sampler.chunkRates();
            double median = median(chunks);
            double min = chunks.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double rate = created / seconds;
            System.out.printf("%-14s %8d %10.0f %9.1f %9.1f %9.1f %9.1f %7.1f %7dM %7dM %7dM %6d  %s -> %s%n", label,
                    readRows[0], readRows[0] / readSeconds, seconds, rate, median, min,
                    readRows[0] / readSeconds / rate, sampler.heapMax / 1024, sampler.afterGcMax / 1024,
                    sampler.rssMax / 1024, failed, load, loadAverage());
            if (created + repeated + failed != readRows[0] || failed > 0 || repeated > 0) {
                System.out.printf("  created %d, repeated %d, failed %d; first errors: %s%n", created, repeated, failed,
                        answer.body().substring(answer.body().indexOf("\"errors\""),
                                Math.min(answer.body().length(), answer.body().indexOf("\"errors\"") + 600)));
            }
            System.out.printf("  chunks of %d s (rows/s): %s%n", SAMPLE_SECONDS, chunks.stream()
                    .map(r -> String.format("%.0f", r)).toList());
        }
    }

    static int field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /**
     * Samples the import while it runs: rows stored so far, the heap (jstat, kB) and the resident
     * memory (kB) of the server.
     */
    static final class Sampler implements AutoCloseable {
        private final Connection db;
        private final String office;
        private final long pid;
        private final List<long[]> counts = new ArrayList<>();
        private volatile boolean running = true;
        private long before;
        private Thread rows;
        private Thread heap;
        private Process jstat;
        volatile long heapMax;
        volatile long afterGcMax;
        volatile long rssMax;

        Sampler(Connection db, String office, long pid) {
            this.db = db;
            this.office = office;
            this.pid = pid;
        }

        long imported() throws Exception {
            try (PreparedStatement s = db.prepareStatement("select count(*) from ledger_row where office_code = ?")) {
                s.setString(1, office);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        void start(long before) throws IOException {
            this.before = before;
            rows = new Thread(() -> {
                try {
                    while (running) {
                        long now = System.nanoTime();
                        long n = imported() - before;
                        synchronized (counts) {
                            counts.add(new long[] {now, n});
                        }
                        rss();
                        if (ANALYZE_SECONDS > 0 && (now - analyzed) / 1e9 >= ANALYZE_SECONDS) {
                            analyze();
                            analyzed = now;
                        }
                        Thread.sleep(SAMPLE_SECONDS * 1000L);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    System.out.println("  sampler: " + e);
                }
            });
            rows.setDaemon(true);
            rows.start();
            jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "500").redirectErrorStream(true).start();
            heap = new Thread(this::readJstat);
            heap.setDaemon(true);
            heap.start();
        }

        /**
         * What autovacuum does while tables fill (this machine's PostgreSQL runs with it off): the
         * import starts on empty tables, and without statistics the statement that keeps the
         * statistics' link facts (CaseLinkFacts) kept a plan made for empty tables, a scan of all
         * cases for every visit and referral: 110 rows/s at 30,000 rows, 250 rows/s right after
         * an ANALYZE, in one run.
         */
        private void analyze() throws Exception {
            try (var s = db.createStatement()) {
                for (String table : List.of("dispute_case", "party", "case_participant", "case_event", "referral",
                        "follow_up_visit", "case_mediator", "ledger_row")) {
                    s.execute("analyze " + table);
                }
            }
        }

        private long analyzed = System.nanoTime();

        private void rss() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssMax = Math.max(rssMax, Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        }

        /** jstat -gc: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT. */
        private void readJstat() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                String[] names = null;
                long gcs = -1;
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.strip().split("\\s+");
                    if (names == null || f[0].equals("S0C")) {
                        names = f;
                        continue;
                    }
                    double s0u = value(names, f, "S0U");
                    double s1u = value(names, f, "S1U");
                    double eu = value(names, f, "EU");
                    double ou = value(names, f, "OU");
                    long used = (long) (s0u + s1u + eu + ou);
                    heapMax = Math.max(heapMax, used);
                    long collections = (long) (value(names, f, "YGC") + value(names, f, "FGC") + value(names, f, "CGC"));
                    if (gcs >= 0 && collections != gcs) {
                        // sampled just after a collection: survivors and old gen are what the
                        // collection left (plus what the eden filled since, at most 500 ms' worth)
                        afterGcMax = Math.max(afterGcMax, (long) (s0u + s1u + ou));
                    }
                    gcs = collections;
                }
            } catch (IOException | RuntimeException e) {
                // the process ended
            }
        }

        private static double value(String[] names, String[] f, String name) {
            for (int i = 0; i < names.length && i < f.length; i++) {
                if (names[i].equals(name)) {
                    return f[i].equals("-") ? 0 : Double.parseDouble(f[i]);
                }
            }
            return 0;
        }

        void stop() throws Exception {
            running = false;
            rows.interrupt();
            rows.join();
            synchronized (counts) {
                counts.add(new long[] {System.nanoTime(), imported() - before});
            }
            rss();
            jstat.destroy();
            heap.join(2000);
        }

        /**
         * Rows per second of each whole chunk in which rows were stored: chunks before the first
         * row (upload, the server's read-through check) and the last, partial one are left out.
         */
        List<Double> chunkRates() {
            List<Double> rates = new ArrayList<>();
            synchronized (counts) {
                for (int i = 1; i < counts.size() - 1; i++) {
                    long[] a = counts.get(i - 1);
                    long[] b = counts.get(i);
                    if (a[1] > 0 && b[1] > a[1]) {
                        rates.add((b[1] - a[1]) / ((b[0] - a[0]) / 1e9));
                    }
                }
            }
            return rates;
        }

        @Override
        public void close() {
            running = false;
            if (jstat != null) {
                jstat.destroy();
            }
        }
    }
}
