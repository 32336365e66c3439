package org.trilink.statistics.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.problem.QueryNumbers;
import org.trilink.statistics.boundary.RunViews.CasesPage;
import org.trilink.statistics.boundary.RunViews.FigureView;
import org.trilink.statistics.boundary.RunViews.Parameters;
import org.trilink.statistics.boundary.RunViews.Progress;
import org.trilink.statistics.boundary.RunViews.RunSummary;
import org.trilink.statistics.boundary.RunViews.RunView;
import org.trilink.statistics.boundary.RunViews.RunsPage;
import org.trilink.statistics.boundary.RunViews.Started;
import org.trilink.statistics.control.FigureCases;
import org.trilink.statistics.control.RunReports;
import org.trilink.statistics.control.ReportText;
import org.trilink.statistics.control.RunComparisons;
import org.trilink.statistics.control.RunExports;
import org.trilink.statistics.control.RunFigures;
import org.trilink.statistics.control.RunStore;
import org.trilink.statistics.control.StatisticsRuns;
import org.trilink.statistics.entity.Figure;
import org.trilink.statistics.entity.Metric;
import org.trilink.statistics.entity.RunParameters;

@Path("statistics/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Report figures computed by Jakarta Batch runs (contract statistics-api-v1). "
        + "Drafters only: other users get 403, anonymous calls 401.")
public class StatisticsResource {

    @Inject
    SecurityContext security;

    @Inject
    StatisticsRuns runs;

    @Inject
    RunStore store;

    @Inject
    RunFigures figures;

    @Inject
    FigureCases cases;

    @Inject
    RunReports reports;

    @Inject
    @ConfigProperty(name = "trilink.api.max-page-size", defaultValue = "200")
    int maxPageSize;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run", description = "Starts the statistics job for a kind of matter, an inclusive "
            + "period of local dates and a scope (region or office code; default the district).")
    @APIResponse(responseCode = "202", description = "Started; Location points at the run")
    @APIResponse(responseCode = "400", description = "Unknown code, bad date, or from after to (problem+json with errors)")
    public Response start(RunRequest request) {
        requireDrafter();
        if (request == null) {
            throw ProblemException.badRequest("body", "required: matterKind, from, to");
        }
        RunParameters p = runs.parameters(request.matterKind, request.from, request.to, request.scope);
        String id = runs.start(p, security.getCallerPrincipal().getName(), null);
        return Response.accepted(new Started(id, "STARTING"))
                .location(uriInfo.getAbsolutePathBuilder().path(id).build()).build();
    }

    @GET
    @Operation(summary = "Past runs", description = "Newest first, paged (page from 0). matterKind keeps one kind of "
            + "matter; from and to keep runs whose period overlaps them (either may be left out).")
    @APIResponse(responseCode = "200", description = "A page of runs, without their figures")
    @APIResponse(responseCode = "400", description = "Unknown kind, bad date, from after to, or bad paging")
    public RunsPage list(@QueryParam("matterKind") String matterKind, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("page") String page,
                         @QueryParam("size") String size) {
        requireDrafter();
        List<Problem.FieldError> errors = new ArrayList<>();
        String kind = matterKind == null || matterKind.isBlank() ? null : matterKind.strip();
        if (kind != null && !MATTER_KINDS.contains(kind)) {
            errors.add(new Problem.FieldError("matterKind", "PEOPLES_MEDIATION or ADMINISTRATIVE"));
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add(new Problem.FieldError("from", "must not be after to"));
        }
        int pageNumber = QueryNumbers.number("page", page, 0, 0, Integer.MAX_VALUE / maxPageSize, errors);
        int pageSize = QueryNumbers.number("size", size, 20, 1, maxPageSize, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The query has invalid parameters.")
                    .withErrors(errors));
        }
        RunStore.RunPage result = store.list(kind, fromDate, toDate, pageNumber * pageSize, pageSize);
        List<RunSummary> items = result.runs().stream().map(listed -> {
            StatisticsRuns.Followed followed = runs.follow(listed.run());
            RunStore.StoredRun run = followed.run();
            RunParameters p = run.parameters();
            return new RunSummary(run.id(), followed.status(),
                    new Parameters(p.matterKind(), p.from().toString(), p.to().toString(), p.scope()),
                    listed.requestedBy(), run.requestedAt(), run.completedAt(), run.totalCases());
        }).toList();
        return new RunsPage(items, pageNumber, pageSize, result.total());
    }

    private static final java.util.Set<String> MATTER_KINDS = java.util.Set.of("PEOPLES_MEDIATION", "ADMINISTRATIVE");

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date like 2026-01-31"));
            return null;
        }
    }

    @GET
    @Path("{runId}")
    @Operation(summary = "Follow a run", description = "Status and progress; once COMPLETED the figures, their "
            + "同比 and 环比 against completed runs of the same kind and scope over the year-before and previous "
            + "periods (comparisons), and for people's mediation the success rate of each town and office.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunView run(@PathParam("runId") String runId) {
        requireDrafter();
        StatisticsRuns.Followed followed = runs.follow(find(runId));
        RunStore.StoredRun run = followed.run();
        String status = followed.status();
        RunParameters p = run.parameters();
        Progress progress = new Progress(store.processed(runId), run.totalCases());
        Parameters parameters = new Parameters(p.matterKind(), p.from().toString(), p.to().toString(), p.scope());
        if (!"COMPLETED".equals(status)) {
            return new RunView(runId, status, progress, parameters, run.requestedAt(), run.completedAt(), null);
        }
        List<Figure> all = figures.read(runId);
        java.time.LocalDate[] yearBefore = ReportText.yearBefore(p.from(), p.to());
        java.time.LocalDate[] periodBefore = ReportText.periodBefore(p.from(), p.to());
        RunViews.Comparisons comparisons = new RunViews.Comparisons(
                RunViews.Comparison.of(yearBefore, reports.comparedTo(p, yearBefore), all),
                RunViews.Comparison.of(periodBefore, reports.comparedTo(p, periodBefore), all));
        RunViews.SuccessRates rates = null;
        if (p.peoplesMediation()) {
            Map<String, Map<String, Long>> succeeded = reports.succeeded(runId);
            Map<String, List<Figure>> breakdowns = RunFigures.breakdowns(all);
            rates = new RunViews.SuccessRates(
                    RunComparisons.successRates(breakdowns.getOrDefault("byRegion", List.of()),
                            succeeded.get("byRegion")).stream().map(RunViews.SuccessRateView::of).toList(),
                    RunComparisons.successRates(breakdowns.getOrDefault("byOffice", List.of()),
                            succeeded.get("byOffice")).stream().map(RunViews.SuccessRateView::of).toList());
        }
        return new RunView(runId, status, progress, parameters, run.requestedAt(), run.completedAt(),
                all.stream().map(FigureView::of).toList(), comparisons, rates);
    }

    @POST
    @Path("{runId}/restart")
    @Operation(summary = "Restart a failed or stopped run",
            description = "Goes on from the last checkpoint; the figures end as those of an uninterrupted run.")
    @APIResponse(responseCode = "202", description = "Restarted")
    @APIResponse(responseCode = "409", description = "The run is not FAILED or STOPPED")
    public Response restart(@PathParam("runId") String runId) {
        requireDrafter();
        runs.restart(runId);
        return Response.accepted(new Started(runId, "STARTING")).build();
    }

    @GET
    @Path("{runId}/report")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "Report sentences", description = "The sentences to paste, lang=zh-CN (default) or en.")
    @APIResponse(responseCode = "200", description = "text/plain sentences, one per line")
    @APIResponse(responseCode = "409", description = "The run has not completed")
    public Response report(@PathParam("runId") String runId, @QueryParam("lang") @DefaultValue("zh-CN") String lang) {
        requireDrafter();
        boolean chinese = language(lang);
        Content c = completed(runId, chinese);
        return Response.ok(String.join("\n", c.content().sentences()) + "\n", "text/plain; charset=utf-8").build();
    }

    @GET
    @Path("{runId}/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Excel workbook", description = "A summary sheet and one sheet per breakdown, set up for A4 printing.")
    public Response xlsx(@PathParam("runId") String runId) {
        requireDrafter();
        Content c = completed(runId, true);
        return Response.ok(RunExports.xlsx(c.content()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + runId + ".xlsx\"").build();
    }

    @GET
    @Path("{runId}/export.csv")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "CSV", description = "Every figure with its breakdowns: metric, dimension, name, value, "
            + "numerator, denominator.")
    public Response csv(@PathParam("runId") String runId) {
        requireDrafter();
        Content c = completed(runId, true);
        return Response.ok(RunExports.csv(c.content()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-" + runId + ".csv\"").build();
    }

    @GET
    @Path("{runId}/figures/{metric}/cases")
    @Operation(summary = "The cases behind a figure", description = "From the run's snapshot, paged (page from 0). "
            + "Breakdowns need dimension=<code>. The snapshot holds no personal data.")
    @APIResponse(responseCode = "200", description = "A page of cases")
    @APIResponse(responseCode = "400", description = "Bad paging, or a breakdown without dimension")
    @APIResponse(responseCode = "404", description = "No such run, or the run has no such metric")
    public CasesPage cases(@PathParam("runId") String runId, @PathParam("metric") String metricCode,
                           @QueryParam("dimension") String dimension,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        requireDrafter();
        RunStore.StoredRun run = find(runId);
        Metric metric = Metric.byCode(metricCode).filter(m -> m.appliesTo(run.parameters().matterKind()))
                .orElseThrow(() -> ProblemException.notFound("This run has no metric " + metricCode + "."));
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > maxPageSize) {
            throw ProblemException.badRequest("size", "must be between 1 and " + maxPageSize);
        }
        if (metric.type() == Metric.Type.BREAKDOWN && (dimension == null || dimension.isBlank())) {
            throw ProblemException.badRequest("dimension", "required for a breakdown: the code to list the cases of");
        }
        requireCompleted(run);
        FigureCases.Page result = cases.cases(runId, metric, dimension, page, size);
        return new CasesPage(runId, metric.code(), metric.type() == Metric.Type.BREAKDOWN ? dimension : null, page, size,
                result.total(), result.cases());
    }

    private record Content(RunExports.Content content) {
    }

    private Content completed(String runId, boolean chinese) {
        return new Content(reports.completed(runId, chinese));
    }

    private void requireCompleted(RunStore.StoredRun run) {
        reports.requireCompleted(run);
    }

    private RunStore.StoredRun find(String runId) {
        return reports.find(runId);
    }

    private static boolean language(String lang) {
        if ("zh-CN".equalsIgnoreCase(lang) || "zh".equalsIgnoreCase(lang)) {
            return true;
        }
        if ("en".equalsIgnoreCase(lang)) {
            return false;
        }
        throw ProblemException.badRequest("lang", "zh-CN or en");
    }

    private void requireDrafter() {
        reports.requireDrafter();
    }
}
