package org.trilink.statistics.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.trilink.platform.Configured;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.faces.Language;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.statistics.control.FigureCases;
import org.trilink.statistics.control.RunComparisons;
import org.trilink.statistics.control.RunExports;
import org.trilink.statistics.control.RunFigures;
import org.trilink.statistics.control.RunReports;
import org.trilink.statistics.control.RunStore;
import org.trilink.statistics.control.StatisticsRuns;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.RunParameters;

/**
 * The drafters' statistics page: start a run, follow it, read its figures, charts and report
 * sentences, take the workbook away, and list the cases behind a figure. Everything goes through
 * the control classes the statistics API uses ({@link StatisticsRuns}, {@link RunReports},
 * {@link FigureCases}), so the page and a script see the same figures under the same rules.
 */
@Named("statistics")
@ViewScoped
public class StatisticsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StatisticsRuns runs;

    @Inject
    RunReports reports;

    @Inject
    RunStore store;

    @Inject
    FigureCases figureCases;

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    @Inject
    Language language;

    @Inject
    Configured configured;

    private String matterKind = "PEOPLES_MEDIATION";
    private LocalDate from;
    private LocalDate to;
    private String scope;

    private String runId;
    private String runMatterKind;
    private String status;
    private long processed;
    private Long total;

    private Metric drillMetric;
    private String drillDimension;
    private final CasesModel cases = new CasesModel();

    /** A figure as the page shows it. */
    public record FigureLine(String metric, String label, String value, String ratio, boolean drillable,
                             String lastYear, String yearOnYear, String before, String periodOnPeriod) {
    }

    /** A comparison of the shown run: the period, and the run compared with (null: none completed yet). */
    public record ComparisonLine(String kind, String period, String runId) {
    }

    /** A town's or office's success rate, as the page shows it. */
    public record RateLine(String code, String name, String accepted, String succeeded, String rate) {
    }

    /** One line of a breakdown: the code, its name, the count. */
    public record BreakdownLine(String metric, String code, String name, long count) {
    }

    /** Runs when the page opens: statistics are for drafters only (anyone else gets the 403 page). */
    public void open() {
        reports.requireDrafter();
        if (from == null) {
            LocalDate today = LocalDate.now(configured.zone());
            from = today.withDayOfYear(1);
            to = today;
        }
    }

    public void start() {
        reports.requireDrafter();
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            RunParameters p = runs.parameters(matterKind, from == null ? null : from.toString(),
                    to == null ? null : to.toString(), scope);
            runId = runs.start(p, user.username(), null);
            runMatterKind = p.matterKind();
            status = "STARTING";
            processed = 0;
            total = null;
            drillMetric = null;
            comparisonRunId = null;
            content = null;
            PrimeFaces.current().ajax().addCallbackParam("started", true);
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            if (problem.errors() != null) {
                for (Problem.FieldError e : problem.errors()) {
                    String key = "stats.problem." + e.field();
                    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, labels.text(key), null));
                }
            }
            context.validationFailed();
        }
    }

    /** The poll: how far the run has come; tells the page to stop polling once it has ended. */
    public void refresh() {
        if (runId == null) {
            return;
        }
        if (comparisonRunId != null) {
            String comparison = runs.status(reports.find(comparisonRunId));
            if ("COMPLETED".equals(comparison) || "FAILED".equals(comparison) || "STOPPED".equals(comparison)) {
                comparisonRunId = null;
                content = null; // read again: the comparison is there now
            }
        }
        RunStore.StoredRun run = reports.find(runId);
        status = runs.status(run);
        processed = store.processed(runId);
        total = run.totalCases();
        if (isFinished() && comparisonRunId == null) {
            PrimeFaces.current().ajax().addCallbackParam("finished", true);
        }
    }

    public boolean isRunning() {
        return runId != null && !isFinished();
    }

    public boolean isFinished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "STOPPED".equals(status);
    }

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }

    public int getPercent() {
        if (isCompleted()) {
            return 100;
        }
        if (total == null || total == 0) {
            return 0;
        }
        return (int) Math.min(99, processed * 100 / total);
    }

    private transient RunExports.Content content;
    private transient boolean contentChinese;

    /** The completed run's figures in the page's language, read once per request. */
    public RunExports.Content getContent() {
        boolean chinese = !language.isEnglish();
        if (content == null || contentChinese != chinese) {
            content = reports.completed(runId, chinese);
            contentChinese = chinese;
        }
        return content;
    }

    public String getReport() {
        return String.join("\n", getContent().sentences());
    }

    public List<FigureLine> getTotals() {
        boolean chinese = !language.isEnglish();
        RunExports.Content c = getContent();
        Map<String, Figure> totals = RunFigures.totals(c.figures());
        Map<String, RunComparisons.Change> lastYear = changes(c.lastYear());
        Map<String, RunComparisons.Change> before = changes(c.before());
        return Metric.of(matterKind()).stream().filter(m -> m.type() != Metric.Type.BREAKDOWN)
                .filter(m -> totals.containsKey(m.code())).map(m -> {
                    Figure f = totals.get(m.code());
                    RunComparisons.Change y = lastYear.get(m.code());
                    RunComparisons.Change b = before.get(m.code());
                    return new FigureLine(m.code(), m.label(chinese), value(m, f.value()),
                            f.numerator() == null ? "" : labels.number(f.numerator().longValue()) + " / "
                                    + labels.number(f.denominator().longValue()),
                            m.type() == Metric.Type.COUNT || m.type() == Metric.Type.RATE,
                            y == null ? "—" : value(m, y.previous()), change(y),
                            b == null ? "—" : value(m, b.previous()), change(b));
                }).toList();
    }

    private Map<String, RunComparisons.Change> changes(RunExports.Compared compared) {
        Map<String, RunComparisons.Change> by = new java.util.HashMap<>();
        if (compared != null) {
            RunComparisons.changes(getContent().figures(), compared.totals()).forEach(c -> by.put(c.metric(), c));
        }
        return by;
    }

    /** "+12.50%", "-3.00个百分点" ("points" in English); "—" where there is nothing to compare. */
    private String change(RunComparisons.Change c) {
        if (c == null || c.change() == null) {
            return "—";
        }
        String signed = (c.change().signum() > 0 ? "+" : "") + c.change().setScale(2, RoundingMode.HALF_UP).toPlainString();
        return c.unit() == RunComparisons.Unit.POINTS ? signed + labels.text("stats.points") : signed + "%";
    }

    /** 同比 and 环比 of the shown run: which periods, and whether a completed run covers them. */
    public List<ComparisonLine> getComparisons() {
        RunExports.Content c = getContent();
        RunParameters p = c.parameters();
        java.time.LocalDate[] year = org.trilink.statistics.control.ReportText.yearBefore(p.from(), p.to());
        java.time.LocalDate[] previous = org.trilink.statistics.control.ReportText.periodBefore(p.from(), p.to());
        return List.of(
                new ComparisonLine("yearOnYear", period(year), c.lastYear() == null ? null : c.lastYear().runId()),
                new ComparisonLine("periodOnPeriod", period(previous), c.before() == null ? null : c.before().runId()));
    }

    private String period(java.time.LocalDate[] period) {
        return language.isEnglish() ? period[0] + " – " + period[1]
                : org.trilink.statistics.control.ReportText.periodLabel(period[0], period[1]);
    }

    /**
     * Starts the run a comparison needs (same kind and scope, the year-before or previous period);
     * the poll follows it, and the comparison columns fill in once it has completed.
     */
    public void compute(String kind) {
        reports.requireDrafter();
        RunParameters p = getContent().parameters();
        java.time.LocalDate[] period = "yearOnYear".equals(kind)
                ? org.trilink.statistics.control.ReportText.yearBefore(p.from(), p.to())
                : org.trilink.statistics.control.ReportText.periodBefore(p.from(), p.to());
        comparisonRunId = runs.start(runs.parameters(p.matterKind(), period[0].toString(), period[1].toString(),
                p.scope()), user.username(), null);
        PrimeFaces.current().ajax().addCallbackParam("started", true);
    }

    private String comparisonRunId;

    /** A comparison run is under way: its columns fill in when it completes. */
    public boolean isComparing() {
        return comparisonRunId != null;
    }

    /** The success rate of each town or office (byRegion, byOffice), largest first; people's mediation only. */
    public List<RateLine> rates(String metric) {
        RunExports.Content c = getContent();
        Map<String, Long> succeeded = c.succeeded().get(metric);
        if (succeeded == null) {
            return List.of();
        }
        return RunComparisons.successRates(RunFigures.breakdowns(c.figures()).getOrDefault(metric, List.of()), succeeded)
                .stream().map(l -> new RateLine(l.dimension(), name(metric, l.dimension()), labels.number(l.accepted()),
                        labels.number(l.succeeded()), l.rate().printed() + "%")).toList();
    }

    public boolean isRatesShown() {
        return !getContent().succeeded().isEmpty();
    }

    private String value(Metric m, BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return switch (m.type()) {
            case COUNT, BREAKDOWN -> labels.number(v.longValue());
            case RATE -> v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
            case AMOUNT -> labels.amount(v);
            default -> v.setScale(1, RoundingMode.HALF_UP).toPlainString();
        };
    }

    /** A breakdown (byDisputeType, byChannel, byRegion, byOffice), largest first. */
    public List<BreakdownLine> breakdown(String metric) {
        List<Figure> lines = RunFigures.breakdowns(getContent().figures()).getOrDefault(metric, List.of());
        return lines.stream().map(f -> new BreakdownLine(metric, f.dimension(), name(metric, f.dimension()), f.count()))
                .sorted(Comparator.comparingLong(BreakdownLine::count).reversed().thenComparing(BreakdownLine::code))
                .toList();
    }

    private String name(String metric, String code) {
        return switch (metric) {
            case "byDisputeType" -> labels.code("DisputeType", code);
            case "byChannel" -> labels.code("Channel", code);
            case "byRegion" -> getContent().regionNames().getOrDefault(code, code);
            case "byOffice" -> getContent().officeNames().getOrDefault(code, code);
            default -> code;
        };
    }

    /** Chart.js configuration (PrimeFaces p:chart) for a breakdown as a bar chart. */
    public String chart(String metric) {
        List<BreakdownLine> lines = breakdown(metric);
        JsonArrayBuilder names = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        lines.forEach(l -> {
            names.add(l.name());
            counts.add(l.count());
        });
        return bars(names, counts, metric.equals("byRegion") ? "y" : "x");
    }

    /** The run's cases by month, as a bar chart. */
    public String getMonthChart() {
        JsonArrayBuilder names = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (Map.Entry<YearMonth, Long> e : reports.byMonth(runId).entrySet()) {
            names.add(e.getKey().toString());
            counts.add(e.getValue());
        }
        return bars(names, counts, "x");
    }

    private String bars(JsonArrayBuilder names, JsonArrayBuilder counts, String axis) {
        String json = Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", names)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", labels.text("stats.cases")).add("data", counts)
                                .add("backgroundColor", "#1e3a8a"))))
                .add("options", Json.createObjectBuilder().add("indexAxis", axis)
                        .add("responsive", true).add("maintainAspectRatio", false)
                        // every name along the category axis, none skipped for room (issue 23)
                        .add("scales", Json.createObjectBuilder().add(axis, Json.createObjectBuilder()
                                .add("ticks", Json.createObjectBuilder().add("autoSkip", false)
                                        .add("maxRotation", 90).add("minRotation", 0))))
                        .add("plugins", Json.createObjectBuilder().add("legend",
                                Json.createObjectBuilder().add("display", false))))
                .build().toString();
        // the configuration is written into a script: no name may close it
        return json.replace("<", "\\u003c").replace(">", "\\u003e");
    }

    /** Lists the cases behind a total figure, or behind one line of a breakdown. */
    public void drill(String metric, String dimension) {
        reports.requireDrafter();
        drillMetric = Metric.byCode(metric).filter(m -> m.appliesTo(matterKind()))
                .orElseThrow(() -> ProblemException.notFound("No metric " + metric + "."));
        drillDimension = drillMetric.type() == Metric.Type.BREAKDOWN ? dimension : null;
    }

    public String getDrillTitle() {
        if (drillMetric == null) {
            return "";
        }
        String label = drillMetric.label(!language.isEnglish());
        return drillDimension == null ? label : label + " · " + name(drillMetric.code(), drillDimension);
    }

    public boolean isDrilled() {
        return drillMetric != null;
    }

    public LazyDataModel<FigureCases.CaseLine> getCases() {
        return cases;
    }

    /** Pages of the cases behind a figure, from the run's snapshot (which holds no personal data at all). */
    class CasesModel extends LazyDataModel<FigureCases.CaseLine> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) figureCases.cases(runId, drillMetric, drillDimension, 0, 1).total();
        }

        @Override
        public List<FigureCases.CaseLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                               Map<String, FilterMeta> filterBy) {
            reports.requireDrafter();
            int size = Math.max(1, Math.min(pageSize, 200));
            FigureCases.Page page = figureCases.cases(runId, drillMetric, drillDimension, first / size, size);
            setRowCount((int) page.total());
            return page.cases();
        }

        @Override
        public String getRowKey(FigureCases.CaseLine line) {
            return line.caseNumber();
        }
    }

    // --- past runs: where a drafter starts (issue 23) ---

    private String pastKind;
    private final PastRunsModel pastRuns = new PastRunsModel();

    /** A past run as its line in the list shows it. */
    public record PastRun(String id, String matterKind, LocalDate from, LocalDate to, String scope, String scopeKind,
                          String status, String requestedBy, java.time.OffsetDateTime requestedAt)
            implements java.io.Serializable {
    }

    public LazyDataModel<PastRun> getPastRuns() {
        return pastRuns;
    }

    /** The kind of matter the list of past runs keeps; null: every kind. */
    public String getPastKind() {
        return pastKind;
    }

    public void setPastKind(String pastKind) {
        this.pastKind = pastKind == null || pastKind.isBlank() ? null : pastKind;
    }

    /** Opens a past run on the page as if it had just been started: its figures, or its progress. */
    public void show(String id) {
        reports.requireDrafter();
        RunStore.StoredRun run = reports.find(id);
        runId = id;
        runMatterKind = run.parameters().matterKind();
        status = runs.status(run);
        processed = store.processed(id);
        total = run.totalCases();
        drillMetric = null;
        content = null;
        comparisonRunId = null;
        if (!isFinished()) {
            PrimeFaces.current().ajax().addCallbackParam("started", true);
        }
    }

    /** Past runs, newest first, a page at a time, as {@code GET /api/v1/statistics/runs} lists them. */
    class PastRunsModel extends LazyDataModel<PastRun> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) store.list(pastKind, null, null, 0, 1).total();
        }

        @Override
        public List<PastRun> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
            reports.requireDrafter();
            int size = Math.max(1, Math.min(pageSize, 200));
            RunStore.RunPage page = store.list(pastKind, null, null, first, size);
            setRowCount((int) page.total());
            return page.runs().stream().map(listed -> {
                StatisticsRuns.Followed followed = runs.follow(listed.run());
                RunStore.StoredRun r = followed.run();
                RunParameters p = r.parameters();
                return new PastRun(r.id(), p.matterKind(), p.from(), p.to(), p.scope(), p.scopeKind().name(),
                        followed.status(), listed.requestedBy(), r.requestedAt());
            }).toList();
        }

        @Override
        public String getRowKey(PastRun run) {
            return run.id();
        }
    }

    public String statusLabel(String code) {
        String key = "stats.status." + code;
        return code == null ? "" : labels.text(key);
    }

    public String getXlsxHref() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/statistics/runs/" + runId + "/export.xlsx";
    }

    private String matterKind() {
        return runId == null ? matterKind : runMatterKind;
    }

    public String getStatusLabel() {
        String key = "stats.status." + status;
        return status == null ? "" : labels.text(key);
    }

    public String getProgressText() {
        return labels.number(processed) + (total == null ? "" : " / " + labels.number(total));
    }

    public List<String> getMatterKinds() {
        return List.of("PEOPLES_MEDIATION", "ADMINISTRATIVE");
    }

    public String getDistrictCode() {
        return configured.districtCode();
    }

    public String getRunId() {
        return runId;
    }

    public String getStatus() {
        return status;
    }

    public String getMatterKind() {
        return matterKind;
    }

    public void setMatterKind(String matterKind) {
        this.matterKind = matterKind;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }
}
