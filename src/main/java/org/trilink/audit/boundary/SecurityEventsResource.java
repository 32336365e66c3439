package org.trilink.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.SecurityAudit;

/** The security audit trail, for the district admin only: read, export, verify; never changed. */
@Path("security-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Security audit", description = "Sign-ins, failures, locks, account and partner changes (ADMIN only)")
public class SecurityEventsResource {

    /** The most entries one Excel export holds. */
    static final int EXPORT_LIMIT = 100_000;

    @Inject
    SecurityAudit audit;

    @Inject
    CurrentUser user;

    @Inject
    Configured configured;

    @GET
    @Operation(summary = "Entries newest first: kind (SIGNED_IN, SIGN_IN_FAILED, LOCKED, UNLOCKED, PASSWORD_RESET,"
            + " ACCOUNT_CREATED, ACCOUNT_CHANGED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, PARTNER_SECRET_ROTATED, PURGED),"
            + " name (the actor or the account concerned), from/to (dates, the district's days, to inclusive), page, size")
    public SecurityAudit.Page find(@QueryParam("kind") String kind, @QueryParam("name") String name,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        requireAdmin();
        int p = page == null ? 1 : page;
        int s = size == null ? 50 : size;
        if (p < 1) {
            throw ProblemException.badRequest("page", "1 or more");
        }
        if (s < 1 || s > 200) {
            throw ProblemException.badRequest("size", "1 to 200");
        }
        return audit.find(kind(kind), name, start(from, "from"), start(to, "to", 1), p, s);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Checks the chain of entries: intact, or the first entry altered or missing")
    public SecurityAudit.Verification verify() {
        requireAdmin();
        return audit.verify();
    }

    @GET
    @Path("export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The entries the same filters find, as an Excel sheet (at most 100,000)")
    public Response export(@QueryParam("kind") String kind, @QueryParam("name") String name,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        requireAdmin();
        SecurityAudit.Kind k = kind(kind);
        OffsetDateTime f = start(from, "from");
        OffsetDateTime t = start(to, "to", 1);
        StreamingOutput body = out -> {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
                Sheet sheet = wb.createSheet("安全审计 Security events");
                String[] headers = {"序号 No.", "时间 Time", "事件 Kind", "操作人 Actor", "对象 Subject", "地址 Address",
                        "说明 Detail"};
                Row head = sheet.createRow(0);
                for (int i = 0; i < headers.length; i++) {
                    head.createCell(i).setCellValue(headers[i]);
                }
                ZoneId zone = configured.zone();
                int r = 1;
                for (int page = 1; r <= EXPORT_LIMIT; page++) {
                    SecurityAudit.Page found = audit.find(k, name, f, t, page, 1000);
                    for (SecurityAudit.Event e : found.events()) {
                        Row row = sheet.createRow(r++);
                        row.createCell(0).setCellValue(e.id());
                        row.createCell(1).setCellValue(e.occurredAt().atZoneSameInstant(zone).toLocalDateTime()
                                .toString().replace('T', ' '));
                        row.createCell(2).setCellValue(e.kind().name());
                        row.createCell(3).setCellValue(String.valueOf(e.actor() == null ? "" : e.actor()));
                        row.createCell(4).setCellValue(e.subject() == null ? "" : e.subject());
                        row.createCell(5).setCellValue(e.address() == null ? "" : e.address());
                        row.createCell(6).setCellValue(e.detail() == null ? "" : e.detail());
                    }
                    if (found.events().size() < 1000) {
                        break;
                    }
                }
                wb.write(out);
            }
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"security-events.xlsx\"").build();
    }

    private static SecurityAudit.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return SecurityAudit.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind", "unknown kind of security event");
        }
    }

    private OffsetDateTime start(String day, String field) {
        return start(day, field, 0);
    }

    /** The start of a day of the district (plus days: {@code to} is inclusive). */
    private OffsetDateTime start(String day, String field, int plusDays) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).plusDays(plusDays).atStartOfDay(configured.zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "a date as 2026-12-07");
        }
    }

    private void requireAdmin() {
        if (!user.admin()) {
            throw ProblemException.forbidden("Only the district admin reads the security audit trail.");
        }
    }
}
