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
 * Server render time of portal pages, measured from a client on the same machine (so the
 * figure is the server's time plus a loopback round trip). Not a test: run it against a
 * running TriLink and read the figures.
 *
 * <pre>
 * java -cp target/test-classes org.trilink.bench.PortalRenderBenchmark http://localhost:8080/ mediator 50
 * </pre>
 *
 * Measures: a baseline (the small error page, which reads no case data; on a busy machine
 * compare the ratios), the case list's first page (GET: one count and one page query), a page change
 * in the list (the ajax request the paginator sends: one page query, no count), and a case
 * page (GET, for a case taken from the list).
 */
public final class PortalRenderBenchmark {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("tl-case-link\">(TL[A-Z]?\\d{4}-\\d+)<");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    private PortalRenderBenchmark(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080/";
        String user = args.length > 1 ? args[1] : "mediator";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        PortalRenderBenchmark bench = new PortalRenderBenchmark(base);
        bench.signIn(user);

        String list = bench.get("cases/list.xhtml");
        Matcher link = CASE_LINK.matcher(list);
        if (!link.find()) {
            throw new IllegalStateException("The case list shows no case for " + user);
        }
        String caseNumber = link.group(1);
        // warm up: class loading, JIT, statement caches
        for (int i = 0; i < 10; i++) {
            bench.get("cases/list.xhtml");
            bench.get("cases/case.xhtml?n=" + caseNumber);
        }

        List<Long> baseline = new ArrayList<>();
        List<Long> firstPage = new ArrayList<>();
        List<Long> pageChange = new ArrayList<>();
        List<Long> casePage = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // the baseline: a small Faces page with no case data, to tell the machine's load from the pages' cost
            long t0 = System.nanoTime();
            bench.get("error.xhtml?kind=404");
            baseline.add(System.nanoTime() - t0);

            t0 = System.nanoTime();
            String page = bench.get("cases/list.xhtml");
            firstPage.add(System.nanoTime() - t0);

            String viewState = viewState(page);
            t0 = System.nanoTime();
            String partial = bench.pageChange(viewState, 20 * (1 + i % 5));
            pageChange.add(System.nanoTime() - t0);
            if (!partial.contains("partial-response") || partial.contains("<error>")) {
                throw new IllegalStateException("Page change failed: " + partial);
            }

            t0 = System.nanoTime();
            bench.get("cases/case.xhtml?n=" + caseNumber);
            casePage.add(System.nanoTime() - t0);
        }
        System.out.printf("%s as %s, %d rounds (ms: median / p95 / max)%n", base, user, rounds);
        print("baseline: error page (no data)", baseline);
        print("case list, first page (count + page)", firstPage);
        print("case list, page change (ajax, no count)", pageChange);
        print("case page " + caseNumber, casePage);
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
    private String pageChange(String viewState, int first) throws Exception {
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
        params.put("jakarta.faces.ViewState", viewState);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "cases/list.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        return answer.body();
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

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p95 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)) / 1e6;
        double max = sorted.get(sorted.size() - 1) / 1e6;
        System.out.printf("  %-45s %7.1f / %7.1f / %7.1f%n", what, median, p95, max);
    }
}
