import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A district's year for the statistics benchmark (issue 25), on H2 or PostgreSQL, run by
 * benchmarks/statistics/district.sh as a single-file program (java -cp h2.jar:postgresql.jar District.java).
 *
 *   generate URL USER PASSWORD N YEAR   makes N cases accepted in YEAR (as generate.sql does: 90 % people's
 *                                       mediation, 11 towns, joint police stations, referrals, visits),
 *                                       through JDBC so that the same code fills both databases; it keeps
 *                                       them if the year already holds exactly N of its cases
 *   bench URL USER PASSWORD BASE YEAR WARMUP JOBS
 *                                       WARMUP untimed jobs, then JOBS jobs over the year, district-wide,
 *                                       through the API (POST, then GET every POLL_MS until it ends), each
 *                                       after a timing of the hand-written SQL for the same figures;
 *                                       prints each job, then the medians and p95 and their ratios, and
 *                                       checks that every job's figures equal the hand-written SQL's and
 *                                       each other's
 */
public class District {

    static final long BASE_ID = 1_500_000_000L;

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "generate" -> generate(a[1], a[2], a[3], Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "bench" -> bench(a[1], a[2], a[3], a[4], Integer.parseInt(a[5]), Integer.parseInt(a[6]),
                    Integer.parseInt(a[7]));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    // ---------------------------------------------------------------- the data

    static void generate(String url, String user, String password, int n, int year) throws SQLException {
        String prefix = "BD" + year + "-";
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long have = single(c, "select count(*) from dispute_case where case_number like '" + prefix + "%'");
            if (have == n) {
                System.out.println("reusing the " + n + " cases of " + year);
                return;
            }
            long lo = BASE_ID + (year % 100) * 1_000_000L;   // up to 999,999 cases a year
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // earlier cases of this benchmark (another N): their runs' snapshots stay, they only count cases
                s.executeUpdate("delete from follow_up_visit where case_id in (select id from dispute_case where case_number like '" + prefix + "%')");
                s.executeUpdate("delete from referral where case_id in (select id from dispute_case where case_number like '" + prefix + "%')");
                s.executeUpdate("delete from case_participant where case_id in (select id from dispute_case where case_number like '" + prefix + "%')");
                s.executeUpdate("delete from dispute_case where case_number like '" + prefix + "%'");
            }
            List<String[]> offices = rows(c, "select code, region_code from office where code like 'JO-%' order by code");
            List<String[]> police = rows(c, "select code, region_code from office where code like 'PS-%' order by code");
            String[] channels = {"WALK_IN", "PHONE", "POLICE_110", "HOTLINE_12345", "COURT_REFERRAL", "GRID_SCREENING",
                    "ONLINE", "CROSS_REGION", "LEDGER_IMPORT"};
            String[] types = {"MARRIAGE_FAMILY", "NEIGHBOR", "HOUSING_HOMESTEAD", "CONTRACT", "BUSINESS", "DAMAGES",
                    "LAND_FOREST", "REQUISITION_DEMOLITION", "ENVIRONMENT", "LABOR", "CONSUMER", "MEDICAL", "TRAFFIC",
                    "PROPERTY_MANAGEMENT", "OTHER"};
            String[] resolutions = {"RESOLVED_BEFORE_FILING", "MEDIATED", "WITHDRAWN", "UPHELD", "CORRECTED", "UPHELD"};
            OffsetDateTime jan1 = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
            long yearSeconds = jan1.plusYears(1).toEpochSecond() - jan1.toEpochSecond();
            try (PreparedStatement cs = c.prepareStatement("insert into dispute_case (id, case_number, matter_kind,"
                    + " status, channel, intake_mode, dispute_type, summary, region_code, people_involved, risk_level,"
                    + " receiving_office_code, handling_office_code, received_at, accepted_at, outcome, outcome_at,"
                    + " agreement_form, agreement_amount, criminal_case_averted, mass_petition_averted, admin_filed_at,"
                    + " admin_resolution, admin_resolved_at, created_by, version)"
                    + " values (?, ?, ?, ?, ?, 'APPLICATION', ?, 'benchmark dispute', ?, ?, 'LOW', ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, 'benchmark', 0)");
                 PreparedStatement ps = c.prepareStatement("insert into case_participant (case_id, office_code, part, since,"
                         + " case_received_at) values (?, ?, ?, ?, ?)");
                 PreparedStatement rs = c.prepareStatement("insert into referral (id, case_id, from_office_code,"
                         + " to_office_code, reason, status, sent_at, sent_by, deadline, overdue, decided_at)"
                         + " values (?, ?, 'HOTLINE-12345', ?, 'benchmark', ?, ?, 'benchmark', ?, ?, ?)");
                 PreparedStatement vs = c.prepareStatement("insert into follow_up_visit (id, case_id, visited_at, method,"
                         + " performance, satisfaction, recorded_by, office_code) values (?, ?, ?, 'PHONE', ?, 5, 'benchmark', ?)")) {
                for (int g = 1; g <= n; g++) {
                    long id = lo + g;
                    boolean admin = g % 10 == 0;
                    String[] office = offices.get(g % offices.size());
                    // received in id order over the year, with up to two hours of jitter (as generate.sql)
                    OffsetDateTime received = jan1.plusSeconds((g - 1L) * (yearSeconds - 14_400) / n + (g * 7919L) % 7200);
                    String outcome = admin ? null : g % 50 == 1 ? "FAILURE" : "SUCCESS";
                    OffsetDateTime outcomeAt = admin ? null : received.plusDays(g % 30).plusHours(3);
                    String form = admin || g % 50 == 1 ? null : g % 3 == 0 ? "ORAL" : "WRITTEN";
                    BigDecimal amount = admin || g % 50 == 1 ? null : BigDecimal.valueOf((g % 100) * 100L).setScale(2);
                    int i = 1;
                    cs.setLong(i++, id);
                    cs.setString(i++, prefix + String.format("%09d", g));
                    cs.setString(i++, admin ? "ADMINISTRATIVE" : "PEOPLES_MEDIATION");
                    cs.setString(i++, admin ? "RESOLVED" : "CONCLUDED");
                    cs.setString(i++, channels[g % 9]);
                    cs.setString(i++, types[g % 15]);
                    cs.setString(i++, office[1]);
                    cs.setInt(i++, 1 + g % 5);
                    cs.setString(i++, office[0]);
                    cs.setString(i++, office[0]);
                    cs.setObject(i++, received);
                    cs.setObject(i++, received.plusHours(2));
                    cs.setString(i++, outcome);
                    cs.setObject(i++, outcomeAt);
                    cs.setString(i++, form);
                    cs.setBigDecimal(i++, amount);
                    cs.setBoolean(i++, g % 97 == 0);
                    cs.setBoolean(i++, g % 89 == 0);
                    cs.setObject(i++, admin && g % 30 != 0 ? received.plusDays(1) : null);
                    cs.setString(i++, admin ? resolutions[(g / 10) % 6] : null);
                    cs.setObject(i++, admin ? received.plusDays(20) : null);
                    cs.addBatch();
                    ps.setLong(1, id);
                    ps.setString(2, office[0]);
                    ps.setString(3, "HANDLING");
                    ps.setObject(4, received);
                    ps.setObject(5, received);
                    ps.addBatch();
                    if (id % 20 == 0) {
                        for (String[] p : police) {
                            if (p[1].equals(office[1])) {
                                ps.setLong(1, id);
                                ps.setString(2, p[0]);
                                ps.setString(3, "JOINT");
                                ps.setObject(4, received);
                                ps.setObject(5, received);
                                ps.addBatch();
                            }
                        }
                    }
                    if (id % 25 == 0) {
                        rs.setLong(1, BASE_ID + 300_000_000L + id % 100_000_000L);
                        rs.setLong(2, id);
                        rs.setString(3, office[0]);
                        rs.setString(4, id % 4 == 0 ? "REJECTED" : "ACCEPTED");
                        rs.setObject(5, received.minusHours(1));
                        rs.setObject(6, received.plusDays(1));
                        rs.setBoolean(7, id % 3 == 0);
                        rs.setObject(8, received);
                        rs.addBatch();
                    }
                    if ("SUCCESS".equals(outcome) && id % 10 == 1) {
                        vs.setLong(1, BASE_ID + 400_000_000L + id % 100_000_000L);
                        vs.setLong(2, id);
                        vs.setObject(3, outcomeAt.plusDays(30));
                        vs.setString(4, id % 7 == 0 ? "PARTLY" : "PERFORMED");
                        vs.setString(5, office[0]);
                        vs.addBatch();
                    }
                    if (g % 1000 == 0 || g == n) {
                        cs.executeBatch();
                        ps.executeBatch();
                        rs.executeBatch();
                        vs.executeBatch();
                    }
                }
            }
            // each case's referral, visit and other-office facts on its row (CaseLinks.merge, Flyway V16: the same statement)
            String range = " between " + (lo + 1) + " and " + (lo + n);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("merge into dispute_case c using ("
                        + " select x.case_id as case_id, cast(sum(x.sent) as integer) as sent, cast(sum(x.accepted) as integer) as accepted,"
                        + " cast(sum(x.rejected) as integer) as rejected, cast(sum(x.overdue) as integer) as overdue,"
                        + " cast(sum(x.visits) as integer) as visits, cast(sum(x.performed) as integer) as performed,"
                        + " string_agg(x.office, ',' order by x.office) as offices,"
                        + " case when sum(x.pending) > 0 then cast('9999-12-31 00:00:00+00' as timestamp with time zone)"
                        + " else max(x.at) end as settled_at from ("
                        + " select r.case_id as case_id, 1 as sent, case when r.status = 'ACCEPTED' then 1 else 0 end as accepted,"
                        + " case when r.status = 'REJECTED' then 1 else 0 end as rejected,"
                        + " case when r.overdue = true then 1 else 0 end as overdue, 0 as visits, 0 as performed,"
                        + " case when r.status = 'PENDING' then 1 else 0 end as pending, cast(null as varchar(40)) as office,"
                        + " greatest(r.sent_at, coalesce(r.decided_at, r.sent_at), coalesce(r.overdue_at, r.sent_at)) as at"
                        + " from referral r where r.case_id" + range
                        + " union all select v.case_id, 0, 0, 0, 0, 1, case when v.performance = 'PERFORMED' then 1 else 0 end,"
                        + " 0, null, v.visited_at from follow_up_visit v where v.case_id" + range
                        + " union all select p.case_id, 0, 0, 0, 0, 0, 0, 0, p.office_code, null from case_participant p"
                        + " where p.part <> 'HANDLING' and p.case_id" + range
                        + " ) x group by x.case_id) l on (c.id = l.case_id)"
                        + " when matched then update set links_sent = l.sent, links_accepted = l.accepted,"
                        + " links_rejected = l.rejected, links_overdue = l.overdue, links_visits = l.visits,"
                        + " links_performed = l.performed, links_offices = l.offices, links_settled_at = l.settled_at");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(url.startsWith("jdbc:postgresql") ? "vacuum analyze dispute_case" : "analyze");
            }
            System.out.printf("generated %d cases of %d in %.1f s%n", n, year, (System.nanoTime() - t0) / 1e9);
        }
    }

    // ---------------------------------------------------------------- the benchmark

    static final int POLL_MS = Integer.getInteger("pollMs", 50);
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String base;
    static String auth = "Basic " + Base64.getEncoder().encodeToString("drafter:drafter-demo".getBytes(StandardCharsets.UTF_8));

    static void bench(String url, String user, String password, String baseUrl, int year, int warmup, int jobs)
            throws Exception {
        base = baseUrl;
        String from = year + "-01-01";
        String to = year + "-12-31";
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long[] hand = hand(c, year);
            System.out.printf("hand-written SQL: accepted %d succeeded %d concluded %d written %d oral %d followedUp %d%n",
                    hand[0], hand[1], hand[2], hand[3], hand[4], hand[5]);
            for (int w = 0; w < warmup; w++) {
                long s = System.nanoTime();
                String run = start(from, to);
                String status = waitEnd(run);
                System.out.printf("warm-up %d %s in %.3f s%n", w + 1, status, (System.nanoTime() - s) / 1e9);
            }
            List<Double> jobTimes = new ArrayList<>();
            List<Double> serverTimes = new ArrayList<>();
            List<Double> handTimes = new ArrayList<>();
            String firstFigures = null;
            boolean agree = true;
            for (int j = 0; j < jobs; j++) {
                long hs = System.nanoTime();
                long[] h = hand(c, year);
                double handS = (System.nanoTime() - hs) / 1e9;
                long s = System.nanoTime();
                String run = start(from, to);
                String status = waitEnd(run);
                double jobS = (System.nanoTime() - s) / 1e9;
                String json = get("/api/v1/statistics/runs/" + run);
                String figures = figures(json);
                double serverS = serverSeconds(c, run);
                boolean same = total(json, "accepted") == h[0] && total(json, "succeeded") == h[1]
                        && total(json, "concluded") == h[2] && total(json, "writtenAgreements") == h[3]
                        && total(json, "oralAgreements") == h[4] && total(json, "followedUpCases") == h[5];
                if (firstFigures == null) {
                    firstFigures = figures;
                }
                same &= figures.equals(firstFigures) && "COMPLETED".equals(status);
                agree &= same;
                System.out.printf("job %d %s in %.3f s (requested to completed %.3f s); hand SQL %.3f s; ratio %.1f; figures agree: %s%n",
                        j + 1, status, jobS, serverS, handS, jobS / handS, same ? "yes" : "NO");
                jobTimes.add(jobS);
                serverTimes.add(serverS);
                handTimes.add(handS);
            }
            if (jobs == 0) {
                return;
            }
            double mj = percentile(jobTimes, 50);
            double mh = percentile(handTimes, 50);
            System.out.printf("RESULT %d jobs: job median %.3f s p95 %.3f s (server median %.3f s); hand SQL median %.3f s p95 %.3f s;"
                            + " ratio of medians %.1f; figures agree: %s%n", jobs, mj, percentile(jobTimes, 95),
                    percentile(serverTimes, 50), mh, percentile(handTimes, 95), mj / mh, agree ? "yes" : "NO");
            if (!agree) {
                System.exit(1);
            }
        }
    }

    /**
     * The hand-written SQL: the totals of people's mediation over the year in one statement, by the
     * job's definitions (accepted in the year; outcomes, agreements and visits as recorded by the
     * cut-off, the visits from the case row as the job reads them for cases settled before it).
     */
    static long[] hand(Connection c, int year) throws SQLException {
        OffsetDateTime from = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
        OffsetDateTime cut = from.plusYears(1);
        try (PreparedStatement ps = c.prepareStatement("select count(*),"
                + " count(case when outcome = 'SUCCESS' and outcome_at < ? then 1 end),"
                + " count(case when outcome is not null and outcome_at < ? then 1 end),"
                + " count(case when outcome = 'SUCCESS' and outcome_at < ? and agreement_form = 'WRITTEN' then 1 end),"
                + " count(case when outcome = 'SUCCESS' and outcome_at < ? and agreement_form = 'ORAL' then 1 end),"
                + " count(case when links_visits > 0 and links_settled_at < ? then 1 end)"
                + " from dispute_case where matter_kind = 'PEOPLES_MEDIATION' and accepted_at >= ? and accepted_at < ?")) {
            for (int i = 1; i <= 5; i++) {
                ps.setObject(i, cut);
            }
            ps.setObject(6, from);
            ps.setObject(7, cut);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] out = new long[6];
                for (int i = 0; i < 6; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        }
    }

    static double serverSeconds(Connection c, String run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select requested_at, completed_at from stat_run where id = ?")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime a = rs.getObject(1, OffsetDateTime.class);
                OffsetDateTime b = rs.getObject(2, OffsetDateTime.class);
                return b == null ? Double.NaN : Duration.between(a, b).toNanos() / 1e9;
            }
        }
    }

    static String start(String from, String to) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/statistics/runs"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"matterKind\":\"PEOPLES_MEDIATION\",\"from\":\"" + from
                        + "\",\"to\":\"" + to + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST runs: " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "runId");
    }

    static String waitEnd(String run) throws Exception {
        while (true) {
            String status = field(get("/api/v1/statistics/runs/" + run), "status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED")) {
                return status;
            }
            Thread.sleep(POLL_MS);
        }
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The run's figures as the API lists them: the part of the answer that must be the same for every run. */
    static String figures(String json) {
        // the run's own "figures", not those of its comparisons (JSON-B writes "comparisons" first)
        int i = -1;
        int level = 0;
        for (int k = 0; k < json.length() && i < 0; k++) {
            char ch = json.charAt(k);
            if (ch == '{' || ch == '[') {
                level++;
            } else if (ch == '}' || ch == ']') {
                level--;
            } else if (level == 1 && json.startsWith("\"figures\"", k)) {
                i = k;
            }
        }
        if (i < 0) {
            throw new IllegalStateException("no figures in " + json);
        }
        int open = json.indexOf('[', i);
        int depth = 0;
        for (int k = open; k < json.length(); k++) {
            char ch = json.charAt(k);
            if (ch == '[') {
                depth++;
            } else if (ch == ']' && --depth == 0) {
                return json.substring(open, k + 1);
            }
        }
        throw new IllegalStateException("no figures in " + json);
    }

    static long total(String json, String metric) {
        Matcher m = Pattern.compile("\\{[^{}]*\"metric\"\\s*:\\s*\"" + metric + "\"[^{}]*\\}").matcher(figures(json));
        while (m.find()) {
            String f = m.group();
            if (f.matches("(?s).*\"dimension\"\\s*:\\s*\"[^\"]+\".*")) {
                continue;
            }
            Matcher v = Pattern.compile("\"value\"\\s*:\\s*([0-9.]+)").matcher(f);
            if (v.find()) {
                return new BigDecimal(v.group(1)).longValue();
            }
        }
        throw new IllegalStateException("no total " + metric);
    }

    static double percentile(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        if (p == 50) {
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }
        // nearest rank
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, rank - 1));
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String[]> rows(Connection c, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }
}
