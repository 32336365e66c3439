package org.trilink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trilink.partners.simulator.PartnerSimulator;

/**
 * One build's answers to a fixed scenario, for benchmarks/compare-builds.sh (issue 19: the same
 * data must give the same API answers, statistics figures and partner callbacks before and after
 * the typed case changes). Not a test. JDK only, so that it runs from target/test-classes.
 * <p>
 * Usage: {@code java -cp target/test-classes org.trilink.bench.BuildComparison BASE OUT CASES PORT},
 * BASE the server (e.g. http://localhost:18491), OUT the transcript to write, CASES a file of case
 * numbers (one a line), PORT the port of the partner's callback receiver (the demo partner's
 * callback URL must point there). Writes OUT (every answer, normalised, one JSON value a line or
 * one array element a line) and OUT.counts.
 * <p>
 * The scenario: (i) history and detail of the listed cases as admin, and three case lists; (ii)
 * statistics runs over fixed past periods (figures, report in both languages, CSV, drill-downs);
 * (iii) the partner exchange: demo-police sends three signed referrals, the contract's other
 * answers (repeat, conflict, invalid, bad signature, not JSON), the receiving office accepts one and
 * takes it through mediation to an outcome, rejects one, accepts one and records a failure; the
 * callbacks the server sends are received, checked and written; the partner's status of each and
 * the new cases' histories; then (iv) statistics over this year up to today, which counts the
 * cases of (iii) with the facts the build kept while they moved.
 * <p>
 * What is normalised, and why (everything else is written as answered, so that a diff of two
 * transcripts compares it byte for byte):
 * <ul>
 * <li>the history's {@code change} and {@code backfilled} fields are dropped: the new build adds
 * them beside the unchanged {@code detail};</li>
 * <li>UUIDs become {@code <uuid-N>}, N by first appearance in the transcript: statistics run ids
 * and partner referral ids are random ({@code UUID.randomUUID}), and a callback's event id is
 * derived from the random referral id (checked here: {@code nameUUIDFromBytes(referralId + ":" +
 * event)}). Numbering by appearance still shows that the same id stands in the same places;</li>
 * <li>date-times at or after this run's start (in a whole string or inside one, e.g. a referral's
 * deadline in working time, the time a move or callback happened) become {@code <now+>}, and
 * dates from today on (Asia/Shanghai, e.g. a follow-up due 30 days after today's outcome) become
 * {@code <today+>}: the two builds run minutes apart, so these depend on the wall clock. Older
 * values, i.e. everything from the demo data, are compared as they are. A future value of the demo
 * data (a scheduled date) is masked in both transcripts alike;</li>
 * <li>callbacks are sorted by external id and event: delivery threads send them in any order.</li>
 * </ul>
 */
public final class BuildComparison {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PARTNER = "demo-police";
    static final String SECRET = "demo-police-secret";

    private final String base;
    private final Instant start = Instant.now();
    private final LocalDate today = LocalDate.now(SHANGHAI);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> uuids = new HashMap<>();
    private int events;
    private int figures;
    private int callbacks;
    private int answers;
    private int masked;

    private BuildComparison(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: BuildComparison BASE OUT CASES CALLBACK_PORT");
            System.exit(2);
        }
        BuildComparison c = new BuildComparison(args[0]);
        List<String> cases = Files.readAllLines(Path.of(args[2])).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        try (PartnerSimulator.CallbackReceiver receiver = new PartnerSimulator.CallbackReceiver(
                Integer.parseInt(args[3]), SECRET)) {
            c.cases(cases);
            c.statistics(pastPeriods());
            c.partnerExchange(receiver);
            c.statistics(List.of(
                    run("PEOPLES_MEDIATION", c.today.withDayOfYear(1), c.today, null),
                    run("PEOPLES_MEDIATION", c.today.withDayOfYear(1), c.today, "JO-ZHAOXIANG")));
        }
        Files.writeString(Path.of(args[1]), c.out, StandardCharsets.UTF_8);
        String counts = "answers=" + c.answers + " events=" + c.events + " figures=" + c.figures + " callbacks="
                + c.callbacks + " masked=" + c.masked + "\n";
        Files.writeString(Path.of(args[1] + ".counts"), counts, StandardCharsets.UTF_8);
        System.out.print(counts);
        System.exit(0); // the callback receiver's threads would keep the JVM alive
    }

    // --- (i) cases -----------------------------------------------------------------------------

    private void cases(List<String> numbers) {
        section("cases: history and detail of " + numbers.size() + " cases, as admin");
        for (String n : numbers) {
            history(n);
            record("GET case " + n, get("admin", "/api/v1/cases/" + n), false);
        }
        section("case lists");
        record("GET cases as admin", get("admin", "/api/v1/cases?size=50"), false);
        record("GET concluded cases as admin", get("admin", "/api/v1/cases?status=CONCLUDED&size=50&page=1"), false);
        record("GET cases as mediator", get("mediator", "/api/v1/cases?size=50"), false);
    }

    private void history(String n) {
        Answer a = get("admin", "/api/v1/cases/" + n + "/history");
        Object tree = a.json();
        if (tree instanceof List<?> list) {
            events += list.size();
        }
        record("GET history " + n, a, true);
    }

    // --- (ii) statistics ------------------------------------------------------------------------

    record RunBody(String matterKind, LocalDate from, LocalDate to, String scope) {
        String json() {
            return "{\"matterKind\": \"" + matterKind + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\""
                    + (scope == null ? "" : ", \"scope\": \"" + scope + "\"") + "}";
        }
    }

    static RunBody run(String kind, LocalDate from, LocalDate to, String scope) {
        return new RunBody(kind, from, to, scope);
    }

    /** Fixed periods, all before the demo data was loaded: their figures cannot move with the clock. */
    static List<RunBody> pastPeriods() {
        LocalDate y2025 = LocalDate.of(2025, 1, 1);
        LocalDate y2026 = LocalDate.of(2026, 1, 1);
        return List.of(
                run("PEOPLES_MEDIATION", y2025, LocalDate.of(2025, 12, 31), null),
                run("PEOPLES_MEDIATION", y2026, LocalDate.of(2026, 10, 31), null),
                run("PEOPLES_MEDIATION", y2025, LocalDate.of(2025, 6, 15), null),
                run("PEOPLES_MEDIATION", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31), "310118104"),
                run("PEOPLES_MEDIATION", y2025, LocalDate.of(2026, 11, 30), "JO-ZHAOXIANG"),
                run("PEOPLES_MEDIATION", y2025, LocalDate.of(2026, 11, 30), "PS-ZHAOXIANG"),
                run("ADMINISTRATIVE", y2025, LocalDate.of(2025, 12, 31), null),
                run("ADMINISTRATIVE", y2026, LocalDate.of(2026, 11, 30), null));
    }

    private void statistics(List<RunBody> runs) throws InterruptedException {
        for (RunBody r : runs) {
            section("statistics run " + r.json());
            Answer started = post("drafter", "/api/v1/statistics/runs", r.json(), null);
            record("POST run", started, false);
            String runId = started.field("runId");
            if (runId == null) {
                continue;
            }
            String path = "/api/v1/statistics/runs/" + runId;
            Answer view = get("drafter", path);
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!view.body.contains("\"COMPLETED\"") && !view.body.contains("\"FAILED\"")
                    && System.nanoTime() < until) {
                Thread.sleep(300);
                view = get("drafter", path);
            }
            if (view.json() instanceof Map<?, ?> m && m.get("figures") instanceof List<?> list) {
                figures += list.size();
            }
            record("GET run", view, false);
            record("GET report zh-CN", get("drafter", path + "/report?lang=zh-CN"), false);
            record("GET report en", get("drafter", path + "/report?lang=en"), false);
            record("GET export.csv", get("drafter", path + "/export.csv"), false);
            boolean mediation = r.matterKind.equals("PEOPLES_MEDIATION");
            for (String metric : mediation
                    ? List.of("accepted", "succeeded", "referralsSent", "followedUpCases", "agreementsPerformed")
                    : List.of("received", "resolvedBeforeFiling", "corrected")) {
                record("GET cases of " + metric, get("drafter", path + "/figures/" + metric + "/cases?size=200"), false);
            }
            record("GET cases of byOffice JO-ZHAOXIANG",
                    get("drafter", path + "/figures/byOffice/cases?dimension=JO-ZHAOXIANG&size=200"), false);
        }
    }

    // --- (iii) partner exchange -------------------------------------------------------------------

    private void partnerExchange(PartnerSimulator.CallbackReceiver receiver) throws Exception {
        PartnerSimulator partner = new PartnerSimulator(base, PARTNER, SECRET);
        section("partner exchange: contract answers");
        String a = PartnerSimulator.referral("cmp-19-A", "楼上漏水，双方多次争吵（比较 A）");
        String b = PartnerSimulator.referral("cmp-19-B", "楼上漏水，双方多次争吵（比较 B）");
        String c = PartnerSimulator.referral("cmp-19-C", "楼上漏水，双方多次争吵（比较 C）");
        Answer sentA = record("send A", answer(partner.send(a)), false);
        Answer sentB = record("send B", answer(partner.send(b)), false);
        Answer sentC = record("send C", answer(partner.send(c)), false);
        record("send A again, same content", answer(partner.send(a)), false);
        record("send A again, other content",
                answer(partner.send(PartnerSimulator.referral("cmp-19-A", "内容不同"))), false);
        record("send invalid (bad ID number, unknown region)", answer(partner.send(a.replace("cmp-19-A", "cmp-19-X")
                .replace("11010519491231002X", "110105194912310021").replace("310118104", "999999999"))), false);
        record("send with a bad signature", answer(partner.post(b.replace("cmp-19-B", "cmp-19-Y")
                .getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", PartnerSimulator.now(),
                "sha256=" + "0".repeat(64))), false);
        record("send not JSON", answer(partner.post("externalId=cmp-19-Z".getBytes(StandardCharsets.UTF_8),
                "text/plain", PartnerSimulator.now(), null)), false);
        String refA = sentA.field("referralId");
        String refB = sentB.field("referralId");
        String refC = sentC.field("referralId");
        String caseA = sentA.field("caseNumber");
        String caseB = sentB.field("caseNumber");
        String caseC = sentC.field("caseNumber");
        for (String ref : List.of(refA, refB, refC)) {
            record("partner status " + ref, answer(partner.status(ref)), false);
        }

        section("partner exchange: the receiving office decides");
        record("GET inbox as mediator", get("mediator", "/api/v1/referrals/inbox"), false);
        long staffA = staffReferral(caseA);
        long staffB = staffReferral(caseB);
        long staffC = staffReferral(caseC);
        record("accept referral A", move("/api/v1/referrals/" + staffA + "/accept", caseA, "{}"), false);
        record("reject referral B", move("/api/v1/referrals/" + staffB + "/reject", caseB,
                "{\"reason\": \"不属于本所辖区，请转徐泾司法所\"}"), false);
        record("accept referral C", move("/api/v1/referrals/" + staffC + "/accept", caseC, "{}"), false);

        section("partner exchange: case A to a written agreement, its follow-up and closure");
        String pa = "/api/v1/cases/" + caseA;
        record("A accept", move(pa + "/accept", caseA, "{\"note\": \"当事人同意调解\"}"), false);
        record("A risk", move(pa + "/risk", caseA, "{\"level\": \"MEDIUM\", \"reason\": \"双方情绪激动\"}"), false);
        record("A joint office", move(pa + "/joint-offices", caseA,
                "{\"officeCode\": \"LF-MINGLI\", \"note\": \"请律师提供法律意见\"}"), false);
        record("A mediator", move(pa + "/mediators", caseA,
                "{\"username\": \"mediator\", \"capacity\": \"PEOPLES_MEDIATOR\"}"), false);
        Answer session = record("A session", move(pa + "/sessions", caseA, "{\"scheduledAt\": "
                + "\"2030-03-15T10:00:00+08:00\", \"place\": \"赵巷镇人民调解委员会调解室\", \"participants\": \"双方当事人\"}"),
                false);
        String sessionId = number(session.body, "id");
        record("A reschedule", move(pa + "/sessions/" + sessionId + "/reschedule", caseA,
                "{\"scheduledAt\": \"2030-03-16T14:30:00+08:00\", \"reason\": \"当事人出差\"}"), false);
        record("A held", move(pa + "/sessions/" + sessionId + "/record", caseA, "{\"notes\": \"双方就赔偿金额达成一致\", \"attendance\": \"申请人, 被申请人, 调解员\"}"),
                false);
        record("A party corrected", put(pa + "/parties/2", caseA, "{\"role\": \"RESPONDENT\", \"kind\": "
                + "\"ORGANISATION\", \"name\": \"某物业服务有限公司\", \"creditCode\": \"91310118MA1JL0XX5Q\", "
                + "\"reason\": \"名称以营业执照为准\"}"), false);
        record("A outcome", move(pa + "/outcome", caseA, "{\"result\": \"SUCCESS\", \"agreementForm\": \"WRITTEN\", "
                + "\"terms\": \"被申请人赔偿8000元\", \"amount\": 8000.00, \"performanceDeadline\": \"2030-06-30\", "
                + "\"criminalCaseAverted\": true}"), false);
        Answer doc = http("POST", "mediator", pa + "/documents/agreement", "", null, "application/pdf");
        record("A agreement generated", headersOnly(doc, "X-Document-Version"), false);
        String docId = doc.header("X-Document-Id");
        record("A agreement downloaded", headersOnly(http("GET", "mediator", pa + "/documents/" + docId, null, null,
                "application/pdf"), "X-Document-Version"), false);
        record("A follow-up", move(pa + "/follow-ups", caseA, "{\"method\": \"PHONE\", \"performance\": \"PERFORMED\", "
                + "\"satisfaction\": 5, \"notes\": \"已按期支付\"}"), false);
        record("A close", move(pa + "/close", caseA, "{\"note\": \"结案归档\"}"), false);

        section("partner exchange: case C fails");
        String pc = "/api/v1/cases/" + caseC;
        record("C accept", move(pc + "/accept", caseC, "{\"note\": \"受理\"}"), false);
        record("C start mediation", move(pc + "/start-mediation", caseC, "{}"), false);
        record("C outcome", move(pc + "/outcome", caseC, "{\"result\": \"FAILURE\", \"reason\": \"被申请人拒绝赔偿\", "
                + "\"guidance\": \"LITIGATION\"}"), false);

        section("partner exchange: callbacks received");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (receiver.acknowledged().size() < 5 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        Thread.sleep(3000); // a callback sent twice would arrive now
        List<String> bodies = new ArrayList<>();
        for (String body : receiver.bodies()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.parse(body);
            String expected = UUID.nameUUIDFromBytes((m.get("referralId") + ":" + m.get("event"))
                    .getBytes(StandardCharsets.UTF_8)).toString();
            bodies.add(m.get("externalId") + " " + m.get("event") + " eventId derived from referralId and event: "
                    + expected.equals(m.get("eventId")) + "\t" + body);
        }
        bodies.sort(null);
        callbacks += bodies.size();
        line("callbacks: " + bodies.size() + ", acknowledged per event id: "
                + receiver.acknowledged().values().stream().sorted().toList() + ", bad signatures: "
                + receiver.badSignatures());
        for (String s : bodies) {
            int tab = s.indexOf('\t');
            line(s.substring(0, tab) + " " + normalise(Json.parse(s.substring(tab + 1)), false));
        }

        section("partner exchange: afterwards");
        for (String ref : List.of(refA, refB, refC)) {
            record("partner status " + ref, answer(partner.status(ref)), false);
        }
        for (String n : List.of(caseA, caseB, caseC)) {
            history(n);
            record("GET case " + n, get("admin", "/api/v1/cases/" + n), false);
            record("GET referrals of " + n, get("admin", "/api/v1/cases/" + n + "/referrals"), false);
        }
        record("GET follow-ups of A", get("admin", pa + "/follow-ups"), false);
        record("GET sessions of A", get("admin", pa + "/sessions"), false);
        record("GET mediators of A", get("admin", pa + "/mediators"), false);
    }

    /** The staff-side id of the pending referral of a partner's case (the receiving office's view). */
    private long staffReferral(String caseNumber) {
        Answer a = get("mediator", "/api/v1/cases/" + caseNumber + "/referrals");
        Object tree = a.json();
        if (tree instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m) {
            return Long.parseLong(String.valueOf(m.get("id")));
        }
        throw new IllegalStateException("no referral of " + caseNumber + ": " + a.status + " " + a.body);
    }

    /** A move as mediator (the receiving office) with the case's current version in If-Match. */
    private Answer move(String path, String caseNumber, String body) {
        return http("POST", "mediator", path, body, version(caseNumber), null);
    }

    private Answer put(String path, String caseNumber, String body) {
        return http("PUT", "mediator", path, body, version(caseNumber), null);
    }

    private String version(String caseNumber) {
        Answer a = get("admin", "/api/v1/cases/" + caseNumber);
        return "\"" + number(a.body, "version") + "\"";
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    // --- HTTP ----------------------------------------------------------------------------------

    record Answer(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        Object json() {
            try {
                return Json.parse(body);
            } catch (RuntimeException e) {
                return null;
            }
        }

        String field(String name) {
            return new PartnerSimulator.Answer(status, body, null, null).field(name);
        }
    }

    private static Answer answer(PartnerSimulator.Answer a) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        if (a.location() != null) {
            h.put("Location", List.of(a.location()));
        }
        if (a.contentType() != null) {
            h.put("Content-Type", List.of(a.contentType()));
        }
        return new Answer(a.status(), a.body(), h);
    }

    private static Answer headersOnly(Answer a, String header) {
        String value = a.header(header);
        return new Answer(a.status, header + ": " + value + ", " + (a.status < 300 ? "a PDF" : a.body), Map.of());
    }

    private Answer get(String user, String path) {
        return http("GET", user, path, null, null, null);
    }

    private Answer post(String user, String path, String body, String ifMatch) {
        return http("POST", user, path, body, ifMatch, null);
    }

    private Answer http(String method, String user, String path, String body, String ifMatch, String accept) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        if (body == null) {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            r.header("Content-Type", "application/json");
            r.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<byte[]> a = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = a.headers().firstValue("Content-Type").orElse("");
            String text = type.contains("pdf") || type.contains("spreadsheet") ? "<" + a.body().length + " bytes>"
                    : new String(a.body(), StandardCharsets.UTF_8);
            return new Answer(a.statusCode(), text, a.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- transcript -------------------------------------------------------------------------------

    private void section(String title) {
        out.append("\n## ").append(title).append('\n');
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private Answer record(String label, Answer a, boolean history) {
        answers++;
        StringBuilder head = new StringBuilder("### ").append(label).append(": ").append(a.status);
        for (String h : List.of("Location", "Content-Location", "ETag")) {
            String v = a.header(h);
            if (v != null) {
                head.append(' ').append(h).append('=').append(v.replaceFirst("^https?://[^/]+", ""));
            }
        }
        line(maskText(head.toString()));
        Object tree = a.json();
        if (tree != null && !(tree instanceof String)) {
            line(normalise(tree, history));
        } else {
            line(maskText(a.body.replace("\r\n", "\n").stripTrailing()));
        }
        return a;
    }

    /** The answer as JSON with the masks above; arrays of objects one element a line. */
    private String normalise(Object tree, boolean history) {
        StringBuilder s = new StringBuilder();
        write(mask(tree, history), s, 0);
        return s.toString();
    }

    private Object mask(Object v, boolean history) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                if (history && (k.equals("change") || k.equals("backfilled"))) {
                    continue;
                }
                r.put(k, mask(e.getValue(), history));
            }
            return r;
        }
        if (v instanceof List<?> l) {
            List<Object> r = new ArrayList<>();
            for (Object o : l) {
                r.add(mask(o, history));
            }
            return r;
        }
        if (v instanceof String s) {
            return maskText(s);
        }
        return v;
    }

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private String maskText(String s) {
        Matcher u = UUID_TEXT.matcher(s);
        StringBuilder r = new StringBuilder();
        while (u.find()) {
            String id = uuids.computeIfAbsent(u.group(), k -> "<uuid-" + (uuids.size() + 1) + ">");
            u.appendReplacement(r, Matcher.quoteReplacement(id));
        }
        u.appendTail(r);
        Matcher t = DATE_TIME.matcher(r.toString());
        StringBuilder r2 = new StringBuilder();
        while (t.find()) {
            String replacement = t.group();
            try {
                if (!OffsetDateTime.parse(t.group()).toInstant().isBefore(start)) {
                    replacement = "<now+>";
                    masked++;
                }
            } catch (DateTimeParseException e) {
                // not a date-time after all: as it is
            }
            t.appendReplacement(r2, Matcher.quoteReplacement(replacement));
        }
        t.appendTail(r2);
        String done = r2.toString();
        if (DATE.matcher(done).matches()) {
            try {
                if (!LocalDate.parse(done).isBefore(today)) {
                    masked++;
                    return "<today+>";
                }
            } catch (DateTimeParseException e) {
                return done;
            }
        }
        return done;
    }

    private static void write(Object v, StringBuilder s, int depth) {
        if (v instanceof Map<?, ?> m) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    s.append(',');
                }
                first = false;
                Json.quote((String) e.getKey(), s);
                s.append(':');
                write(e.getValue(), s, depth + 1);
            }
            s.append('}');
        } else if (v instanceof List<?> l) {
            boolean lines = depth < 3 && l.stream().anyMatch(o -> o instanceof Map<?, ?>);
            s.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                if (lines) {
                    s.append("\n  ");
                }
                write(l.get(i), s, depth + 1);
            }
            if (lines) {
                s.append('\n');
            }
            s.append(']');
        } else if (v instanceof String str) {
            Json.quote(str, s);
        } else if (v == Json.NULL) {
            s.append("null");
        } else {
            s.append(v); // numbers as their literal text, booleans
        }
    }

    /**
     * A small JSON reader: objects keep their members' order, numbers keep their literal text, so
     * that a transcript shows what the server wrote (no float rounding, no reordering).
     */
    static final class Json {
        static final Object NULL = new Object() {
            @Override
            public String toString() {
                return "null";
            }
        };

        /** A number as written. */
        record Num(String text) {
            @Override
            public String toString() {
                return text;
            }
        }

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            p.space();
            Object v = p.value();
            p.space();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing text at " + p.i);
            }
            return v;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("end of text");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        space();
                        String k = string();
                        space();
                        expect(':');
                        space();
                        m.put(k, value());
                        space();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        space();
                        l.add(value());
                        space();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return NULL;
                    }
                    int from = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (from == i) {
                        throw new IllegalArgumentException("unexpected " + c + " at " + i);
                    }
                    return new Num(s.substring(from, i));
                }
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        static void quote(String v, StringBuilder s) {
            s.append('"');
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append('"');
        }
    }
}
