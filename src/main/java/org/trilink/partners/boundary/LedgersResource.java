package org.trilink.partners.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.cases.entity.MatterKind;
import org.trilink.partners.control.LedgerFile;
import org.trilink.partners.control.LedgerImport;
import org.trilink.partners.control.LedgerStaging;
import org.trilink.partners.control.LedgerUploads;
import org.trilink.partners.control.LedgerTemplates;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * Historical ledgers (台账) uploaded by an office (or the admin for a named office): .xlsx or
 * .csv, received whole and checked, then imported row by row with a report of every bad row.
 */
@Path("ledgers")
@RequestScoped
@Tag(name = "Ledger import", description = "Bring an office's historical case ledger in (.xlsx or .csv)")
public class LedgersResource {

    @Inject
    CurrentUser user;

    @Inject
    LedgerImport ledgers;

    @Inject
    LedgerStaging staging;

    @Context
    UriInfo uriInfo;

    /** The body of a confirmation. */
    public record ConfirmRequest(LedgerUploads.Mode mode) {
    }

    @Inject
    LedgerTemplates templates;

    @GET
    @Path("template")
    @Produces(LedgerFile.XLSX)
    @Operation(summary = "The .xlsx template of a matter kind's ledger",
            description = "The headers the import reads (编号, 受理日期 …) for that kind, drop-down lists of the words it"
                    + " takes (towns and offices from the reference data), one example row that imports as it is,"
                    + " and a sheet 填写说明 that explains every column, in lang (zh-CN, the default, or en).")
    @APIResponse(responseCode = "200", description = "The workbook, named in Chinese (RFC 5987 filename*)",
            content = @Content(mediaType = LedgerFile.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "No or an unknown kind")
    @APIResponse(responseCode = "403", description = "The caller's role does not import ledgers")
    public Response template(
            @Parameter(description = "PEOPLES_MEDIATION or ADMINISTRATIVE", required = true,
                    schema = @Schema(enumeration = {"PEOPLES_MEDIATION", "ADMINISTRATIVE"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "language of the instructions: zh-CN (default) or en")
            @QueryParam("lang") @DefaultValue("zh-CN") String lang) {
        if (!LedgerImport.mayImport(user)) {
            throw ProblemException.forbidden("Your role does not import ledgers.");
        }
        MatterKind matterKind = matterKind(kind);
        Locale locale = lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.CHINESE;
        String ascii = matterKind == MatterKind.ADMINISTRATIVE ? "administrative-register-template.xlsx"
                : "peoples-mediation-ledger-template.xlsx";
        return Response.ok(templates.workbook(matterKind, locale), LedgerFile.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + rfc5987(LedgerTemplates.fileName(matterKind)))
                .build();
    }

    private static MatterKind matterKind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw ProblemException.badRequest("kind", "required: PEOPLES_MEDIATION or ADMINISTRATIVE");
        }
        try {
            return MatterKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind", "unknown kind: PEOPLES_MEDIATION or ADMINISTRATIVE");
        }
    }

    /** A value of an RFC 5987 {@code ext-value}: UTF-8 bytes, all but attr-chars percent-encoded. */
    static String rfc5987(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return s.toString();
    }

    @POST
    // any media type reaches the method, which refuses the wrong ones with a message of its own (415)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a ledger (.xlsx, or .csv in UTF-8 or GB18030/GBK, detected or named by"
            + " ?encoding= or the charset of the Content-Type). Columns by their Chinese headers (序号/编号, 受理日期,"
            + " 纠纷类型, 纠纷简要情况, 所属街镇, 地址, 涉及金额, 涉及人数, 申请人, 申请人身份证号, 申请人电话, 被申请人,"
            + " 调解结果, 协议形式, 结案日期 ...) or keys ledgerId, receivedAt, disputeType, summary, regionCode, address,"
            + " amountInvolved, peopleInvolved, riskLevel, channel, applicantName, applicantIdNumber, applicantPhone,"
            + " respondentName, respondentKind, outcome, agreementForm, concludedAt, matterKind (事项类型), acceptedAt"
            + " (受理日期), filedAt (立案日期), adminResolution (办理结果), closedAt (归档日期), agreementTerms,"
            + " agreementAmount, performanceDeadline, criminalCaseAverted, massPetitionAverted, criminalCaseAvertedPeople"
            + " (防止民转刑人数), massPetitionAvertedPeople (防止群体性上访人数: a count implies its flag), followUpAt, followUpMethod,"
            + " followUpPerformance, followUpSatisfaction (回访日期 …, numbered 回访日期2 … for further visits);"
            + " referralFrom, referralTo, referredAt, referralDecision, referralDecidedAt, referralReason,"
            + " referralRejection (转出单位, 转介单位, 转介日期 …, numbered 转介单位2 … for a chain of referrals, each"
            + " from the office that accepted the one before); GET /ledgers/template gives a template per kind;"
            + " values as codes or Chinese labels. Every imported fact is a backfilled change naming the file's"
            + " SHA-256 and row."
            + " 413 over trilink.ledger.max-bytes, 415 for another type, 400 for an unreadable file: nothing imported")
    public LedgerImport.Report upload(@QueryParam("office") String office, @QueryParam("encoding") String encoding,
                                      @QueryParam("fileName") String fileName,
                                      @HeaderParam("Content-Type") String contentType,
                                      @HeaderParam("Content-Disposition") String disposition, InputStream body)
            throws IOException {
        String officeCode = ledgers.officeFor(user, office);
        // the size is counted while the body is received (a declared length is not trusted, and an
        // answer sent before the client has finished sending would reach it as a broken connection)
        try (LedgerFile file = ledgers.receive(body, contentType, encoding)) {
            // staged and confirmed at once, skipping bad rows: the scripts' one call, in the past imports too
            return staging.importAtOnce(file, fileName(fileName, disposition), officeCode, user);
        }
    }

    @POST
    @Path("uploads")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a ledger for a preview: the file (as for POST /ledgers, name in ?fileName= or"
            + " Content-Disposition) is checked row by row and staged; nothing is imported until it is confirmed."
            + " The preview counts the rows (valid ones per matter kind, errors, warnings, rows imported before"
            + " and rows that differ from what was imported before) and gives the first issues")
    @APIResponse(responseCode = "201", description = "Staged; Location points at the upload")
    @APIResponse(responseCode = "400", description = "Unreadable file or undecidable encoding: nothing staged")
    @APIResponse(responseCode = "413", description = "Over trilink.ledger.max-bytes")
    @APIResponse(responseCode = "415", description = "Not an .xlsx or .csv")
    public Response stage(@QueryParam("office") String office, @QueryParam("encoding") String encoding,
                          @QueryParam("fileName") String fileName, @HeaderParam("Content-Type") String contentType,
                          @HeaderParam("Content-Disposition") String disposition, InputStream body) throws IOException {
        String officeCode = ledgers.officeFor(user, office);
        try (LedgerFile file = ledgers.receive(body, contentType, encoding)) {
            LedgerStaging.Preview preview = staging.stage(file, fileName(fileName, disposition), officeCode, user);
            return Response.created(uriInfo.getBaseUriBuilder().path("ledgers").path("uploads")
                    .path(String.valueOf(preview.upload().id())).build()).entity(preview).build();
        }
    }

    @GET
    @Path("uploads")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Past uploads, newest first: staff and office heads their own office's, the district admin"
            + " every office's or the one named by ?office=")
    public LedgerUploads.Page<LedgerUploads.Upload> uploads(@QueryParam("office") String office,
                                                            @QueryParam("page") Integer page,
                                                            @QueryParam("size") Integer size) {
        return staging.uploads(user, office, page(page), size(size, 20, 100));
    }

    @GET
    @Path("uploads/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An upload with its figures (and, once confirmed, the confirmation's) and first issues;"
            + " 404 for another office's")
    public LedgerStaging.Preview upload(@PathParam("id") String id) {
        return staging.preview(id(id), user);
    }

    @GET
    @Path("uploads/{id}/issues")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An upload's issues in row order: ERROR (refused), WARNING (stored, worth a look),"
            + " CONFLICT (imported before with other content; not overwritten); ?severity= one of them")
    public LedgerUploads.Page<LedgerUploads.Issue> issues(@PathParam("id") String id,
                                                          @QueryParam("severity") String severity,
                                                          @QueryParam("page") Integer page,
                                                          @QueryParam("size") Integer size) {
        LedgerUploads.Severity s = null;
        if (severity != null && !severity.isBlank()) {
            try {
                s = LedgerUploads.Severity.valueOf(severity.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("severity", "one of ERROR, WARNING, CONFLICT");
            }
        }
        return staging.issues(id(id), user, s, page(page), size(size, 50, 500));
    }

    @POST
    @Path("uploads/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a staged upload: {\"mode\":\"ALL_OR_NOTHING\"} stores every row in one transaction"
            + " or, with any error or conflict, nothing (409); {\"mode\":\"SKIP_ERRORS\"} stores the good rows and"
            + " skips the rest. The file is checked again: a row imported meanwhile counts as repeated")
    @APIResponse(responseCode = "200", description = "Confirmed: created, repeated, skipped, failed")
    @APIResponse(responseCode = "409", description = "Already confirmed or discarded, or ALL_OR_NOTHING with errors"
            + " or conflicts (nothing stored)")
    public LedgerStaging.Confirmation confirm(@PathParam("id") String id, ConfirmRequest body) {
        if (body == null || body.mode() == null) {
            throw ProblemException.badRequest("mode", "required: ALL_OR_NOTHING or SKIP_ERRORS");
        }
        return staging.confirm(id(id), body.mode(), user);
    }

    @DELETE
    @Path("uploads/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discard a staged upload: nothing of it is imported and its file is deleted"
            + " (409 once confirmed or discarded)")
    public LedgerUploads.Upload discard(@PathParam("id") String id) {
        return staging.discard(id(id), user);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No such ledger upload.");
        }
    }

    private static int page(Integer page) {
        if (page != null && page < 0) {
            throw ProblemException.badRequest("page", "0 or more");
        }
        return page == null ? 0 : page;
    }

    private static int size(Integer size, int fallback, int most) {
        if (size != null && (size < 1 || size > most)) {
            throw ProblemException.badRequest("size", "1 to " + most);
        }
        return size == null ? fallback : size;
    }

    /** The file's name: ?fileName=, else the filename of a Content-Disposition header. */
    static String fileName(String named, String disposition) {
        if (named != null && !named.isBlank()) {
            return named;
        }
        if (disposition != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(disposition);
            if (m.find()) {
                return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
