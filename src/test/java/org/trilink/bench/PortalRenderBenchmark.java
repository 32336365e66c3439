package org.trilink.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Server render time of portal pages, measured from clients on the same machine (so the figure is
 * the server's time, its queue when several clients ask at once, and a loopback round trip). Not a
 * test: run it against a running TriLink and read the figures.
 *
 * <pre>
 * java -cp target/test-classes org.trilink.bench.PortalRenderBenchmark http://localhost:8080/ mediator,police 30 16 陈静丽
 * </pre>
 *
 * Arguments: the server, the users (comma-separated, given to the clients in turn), rounds per
 * client, clients (each signed in with a session of its own, all asking at once; default 1) and a
 * party's name to search for. Each round of each client times: a baseline (the small error page,
 * which reads no case data: on a busy machine compare the ratios), the case list's first page (GET:
 * the capped count and one page), a new filter (the search button with a dispute type: count and
 * page), a party-name search (the search button with the name), a page change (the ajax request the
 * paginator sends: one page query, no count), a case page (GET, for a case taken from the list) and
 * the desk (GET of the start page: its counts and lists).
 */
public final class PortalRenderBenchmark {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("tl-case-link\">((?:TL[A-Z]?|BM)\\d{4}-\\d+)<");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final String[] TYPES = {"NEIGHBOR", "MARRIAGE_FAMILY", "CONTRACT", "DAMAGES", "LABOR", "TRAFFIC"};
    private static final List<String> STEPS = List.of("baseline: error page (no data)", "case list, first page (count + page)",
            "case list, new filter: dispute type", "case list, party-name search", "case list, page change (ajax, no count)",
            "case page", "desk (start page)");

    // HTTP/1.1 as a browser speaks to a plain http address (the client's default h2c upgrade broke off under 16 clients)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    private PortalRenderBenchmark(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080/";
        String[] users = (args.length > 1 ? args[1] : "mediator").split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String name = args.length > 4 ? args[4] : "陈静丽";

        List<PortalRenderBenchmark> benches = new ArrayList<>();
        List<String> caseNumbers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = users[c % users.length];
            PortalRenderBenchmark bench = new PortalRenderBenchmark(base);
            bench.signIn(user);
            Matcher link = CASE_LINK.matcher(bench.get("cases/list.xhtml"));
            if (!link.find()) {
                throw new IllegalStateException("The case list shows no case for " + user);
            }
            benches.add(bench);
            caseNumbers.add(link.group(1));
        }
        for (String user : users) {
            PortalRenderBenchmark probe = benches.get(java.util.Arrays.asList(users).indexOf(user));
            String found = probe.search(probe.get("cases/list.xhtml"), name, null);
            Matcher m = CASE_LINK.matcher(found);
            int n = 0;
            while (m.find()) {
                n++;
            }
            System.out.printf("%s finds %s in %d cases on the first page%n", user, name, n);
        }

        // one list of times per step, for each user
        Map<String, List<List<Long>>> times = new java.util.concurrent.ConcurrentHashMap<>();
        for (String user : users) {
            List<List<Long>> perStep = new ArrayList<>();
            STEPS.forEach(step -> perStep.add(Collections.synchronizedList(new ArrayList<>())));
            times.put(user, perStep);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        // warm up: class loading, JIT, statement caches (-Dwarmup rounds each, default ten, all clients at once)
        run(pool, benches, caseNumbers, users, Integer.getInteger("warmup", 10), name, null);
        long t0 = System.nanoTime();
        run(pool, benches, caseNumbers, users, rounds, name, times);
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("%s, %d clients (%s), %d rounds each, %.1f requests/s (ms: median / p95 / max; ratio of medians to the baseline)%n",
                base, clients, String.join(",", users), rounds, rounds * clients * STEPS.size() / seconds);
        for (String user : users) {
            System.out.println("as " + user + ":");
            List<List<Long>> perStep = times.get(user);
            double baseline = median(perStep.get(0));
            for (int i = 0; i < STEPS.size(); i++) {
                print(STEPS.get(i), perStep.get(i), baseline);
            }
        }
    }

    /** Every client runs {@code rounds} rounds at once; their times go to {@code times} unless it is null (warm-up). */
    private static void run(java.util.concurrent.ExecutorService pool, List<PortalRenderBenchmark> benches,
            List<String> caseNumbers, String[] users, int rounds, String name, Map<String, List<List<Long>>> times)
            throws Exception {
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < benches.size(); c++) {
            PortalRenderBenchmark bench = benches.get(c);
            String caseNumber = caseNumbers.get(c);
            List<List<Long>> mine = times == null ? null : times.get(users[c % users.length]);
            int client = c;
            running.add(pool.submit(() -> {
                for (int i = 0; i < rounds; i++) {
                    bench.round(caseNumber, name, TYPES[(client + i) % TYPES.length], 20 * (1 + i % 5), mine);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
    }

    private void round(String caseNumber, String name, String type, int first, List<List<Long>> times) throws Exception {
        long[] took = new long[STEPS.size()];
        long t0 = System.nanoTime();
        get("error.xhtml?kind=404");
        took[0] = System.nanoTime() - t0;

        t0 = System.nanoTime();
        String page = get("cases/list.xhtml");
        took[1] = System.nanoTime() - t0;

        t0 = System.nanoTime();
        String filtered = search(page, null, type);
        took[2] = System.nanoTime() - t0;
        failed("new filter", filtered);

        String fresh = get("cases/list.xhtml");
        t0 = System.nanoTime();
        String found = search(fresh, name, null);
        took[3] = System.nanoTime() - t0;
        failed("search", found);

        t0 = System.nanoTime();
        String partial = pageChange(page, first);
        took[4] = System.nanoTime() - t0;
        failed("page change", partial);

        t0 = System.nanoTime();
        get("cases/case.xhtml?n=" + caseNumber);
        took[5] = System.nanoTime() - t0;

        t0 = System.nanoTime();
        get("");
        took[6] = System.nanoTime() - t0;
        if (times != null) {
            for (int i = 0; i < took.length; i++) {
                times.get(i).add(took[i]);
            }
        }
    }

    private static void failed(String what, String partial) {
        // an error answers with a redirect to the error page inside the partial response
        if (!partial.contains("partial-response") || partial.contains("<error>") || partial.contains("<redirect")) {
            throw new IllegalStateException(what + " failed: " + partial);
        }
    }

    /** What the list's search button posts: the filter form with a text or a dispute type. */
    private String search(String page, String text, String type) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jakarta.faces.partial.ajax", "true");
        params.put("jakarta.faces.source", "cases:search");
        params.put("jakarta.faces.partial.execute", "cases");
        params.put("jakarta.faces.partial.render", "cases");
        params.put("cases:search", "cases:search");
        params.put("cases", "cases");
        params.put("cases:text", text == null ? "" : text);
        params.put("cases:status_input", "");
        params.put("cases:type_input", type == null ? "" : type);
        params.put("cases:channel_input", "");
        params.put("cases:region_input", "");
        params.put("cases:office_input", "");
        params.put("cases:from_input", "");
        params.put("cases:to_input", "");
        return partial(page, params);
    }

    private void signIn(String user) throws Exception {
        String form = get("login");
        String body = form(Map.of("login", "login", "login:username", user, "login:password", user + "-demo",
                "login:signIn", "", "jakarta.faces.ViewState", viewState(form)));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (!answer.body().contains("currentUser")) {
            throw new IllegalStateException("Sign-in failed for " + user);
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** What PrimeFaces' paginator posts when the user clicks a page number. */
    private String pageChange(String page, int first) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jakarta.faces.partial.ajax", "true");
        params.put("jakarta.faces.source", "cases:table");
        params.put("jakarta.faces.partial.execute", "cases:table");
        params.put("jakarta.faces.partial.render", "cases:table");
        params.put("cases:table", "cases:table");
        params.put("cases:table_pagination", "true");
        params.put("cases:table_first", String.valueOf(first));
        params.put("cases:table_rows", "20");
        params.put("cases:table_skipChildren", "true");
        params.put("cases:table_encodeFeature", "true");
        params.put("cases", "cases");
        return partial(page, params);
    }

    /** An ajax request of the list page, with its view state and its Content-Security-Policy nonce (PrimeFaces refuses one without). */
    private String partial(String page, Map<String, String> params) throws Exception {
        params.put("jakarta.faces.ViewState", viewState(page));
        params.put("primefaces.nonce", nonce(page));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "cases/list.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        return answer.body();
    }

    private static String nonce(String page) {
        Matcher m = NONCE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No nonce in the page");
        }
        return m.group(1);
    }

    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("No view state in the page");
        }
        return m.group(1);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static void print(String what, List<Long> nanos, double baseline) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p95 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)) / 1e6;
        double max = sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf("  %-42s %7.1f / %7.1f / %7.1f   %4.1f%n", what, median, p95, max, median / baseline);
    }
}
