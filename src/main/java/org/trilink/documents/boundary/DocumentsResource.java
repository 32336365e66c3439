package org.trilink.documents.boundary;

import org.trilink.platform.problem.BoundedBody;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.documents.boundary.DocumentViews.AvailableView;
import org.trilink.documents.boundary.DocumentViews.DocumentView;
import org.trilink.documents.boundary.DocumentViews.DocumentsView;
import org.trilink.documents.boundary.DocumentViews.SignedCopyView;
import org.trilink.documents.boundary.DocumentViews.VerificationView;
import org.trilink.documents.control.CaseDocuments;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.documents.entity.DocumentKind;
import org.trilink.documents.entity.SignedCopy;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

@Path("cases/{caseNumber}/documents")
@Tag(name = "Case documents", description = "The mediation agreement (人民调解协议书), referral letters (转介函), "
        + "follow-up records (回访记录) and the case file cover and index (卷宗封面、目录) as A4 PDF with an embedded "
        + "Chinese font; stored version by version with SHA-256; signed copies uploaded back. For staff of an office "
        + "taking part in the case; another office gets 404, drafters and the district admin 403.")
public class DocumentsResource {

    static final String PDF = "application/pdf";

    @Inject
    CaseDocuments documents;

    @Inject
    org.trilink.documents.control.AgreementSignatures signatures;

    @Inject
    org.trilink.platform.security.ClientAddress clientAddress;

    @Inject
    @ConfigProperty(name = "trilink.documents.max-upload-bytes", defaultValue = "10485760")
    long maxUploadBytes;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's stored documents, their signed copies, and what can be generated now")
    public DocumentsView list(@PathParam("caseNumber") String caseNumber) {
        CaseDocuments.Overview o = documents.overview(caseNumber);
        String base = base(caseNumber);
        List<SignedCopyView> copies = o.signedCopies().stream().map(s -> SignedCopyView.of(base, s)).toList();
        return new DocumentsView(o.disputeCase().caseNumber(), o.disputeCase().version(),
                o.documents().stream().map(d -> DocumentView.of(base, d,
                        copies.stream().filter(s -> s.documentId() == d.id()).toList())).toList(),
                o.available().stream().map(a -> new AvailableView(a.kind().slug(), a.subjectId(), a.label(),
                        base + "/" + a.kind().slug() + (a.subjectId() != 0 ? "?subject=" + a.subjectId() : "")))
                        .toList());
    }

    @POST
    @Path("{kind}")
    @Produces(PDF)
    @Operation(summary = "Generate a document from the case as it stands (application/pdf)",
            description = "kind: agreement | referral-letter | follow-up-record | case-file. subject: the referral's "
                    + "or follow-up visit's id (default: the latest). copies: the agreement's number of copies "
                    + "(default: one per party and one for the committee). 201 with a new version when the words "
                    + "changed, 200 with the stored version when they did not. Headers: X-Document-Id, "
                    + "X-Document-Version, X-Verification-Code, ETag (SHA-256 of the file).")
    @APIResponse(responseCode = "201", description = "A new version")
    @APIResponse(responseCode = "200", description = "Unchanged: the stored version")
    @APIResponse(responseCode = "409", description = "Nothing to write it about (e.g. no written agreement)")
    public Response generate(@PathParam("caseNumber") String caseNumber, @PathParam("kind") String kind,
                             @QueryParam("subject") String subject, @QueryParam("copies") String copies) {
        DocumentKind k = DocumentKind.bySlug(kind).orElseThrow(() -> ProblemException.badRequest("kind",
                "unknown document kind; one of agreement, referral-letter, follow-up-record, case-file"));
        CaseDocuments.Generated g = documents.generate(caseNumber, k, number("subject", subject),
                number("copies", copies) == null ? null : number("copies", copies).intValue());
        CaseDocument d = g.document();
        Response.ResponseBuilder answer = g.created()
                ? Response.created(uriInfo.getBaseUriBuilder().path("cases").path(caseNumber).path("documents")
                .path(Long.toString(d.id())).build())
                : Response.ok().header("Content-Location", base(caseNumber) + "/" + d.id());
        return pdf(answer, caseNumber, d).build();
    }

    @GET
    @Path("{id: \\d+}")
    @Produces(PDF)
    @Operation(summary = "A stored version of a document, unchanged since it was generated (application/pdf)")
    public Response fetch(@PathParam("caseNumber") String caseNumber, @PathParam("id") long id) {
        return pdf(Response.ok(), caseNumber, documents.download(caseNumber, id)).build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a paper copy: which stored version carries this verification code",
            description = "code: the 12 hexadecimal digits printed after 核验码 at the foot of every page. "
                    + "matches=false means no version of this case carries it: the paper was not printed from "
                    + "TriLink or its code was misread.")
    public VerificationView verify(@PathParam("caseNumber") String caseNumber, @QueryParam("code") String code) {
        String base = base(caseNumber);
        List<DocumentView> found = documents.verify(caseNumber, code).stream()
                .map(d -> DocumentView.of(base, d, List.of())).toList();
        return new VerificationView(caseNumber, code.toLowerCase(), !found.isEmpty(), found);
    }

    @POST
    @Path("{id: \\d+}/signed-copies")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "File the signed paper back: the scan as the request body (PDF, PNG or JPEG)",
            description = "The type is recognised by the file's first bytes; a declared Content-Type that "
                    + "contradicts them is refused. Size limit trilink.documents.max-upload-bytes (default 10 MB). "
                    + "fileName (query) is kept as the original name. The same file twice answers 200 with the "
                    + "copy already filed.")
    @APIResponse(responseCode = "201", description = "Filed")
    @APIResponse(responseCode = "200", description = "This very file was filed before")
    @APIResponse(responseCode = "400", description = "Empty body")
    @APIResponse(responseCode = "413", description = "Over the size limit")
    @APIResponse(responseCode = "415", description = "Not a PDF, PNG or JPEG file")
    public Response upload(@PathParam("caseNumber") String caseNumber, @PathParam("id") long id,
                           @QueryParam("fileName") String fileName, @Context HttpHeaders headers,
                           InputStream body) {
        MediaType declared = headers.getMediaType();
        if (headers.getLength() > maxUploadBytes) {
            throw tooLarge();
        }
        byte[] content = read(body);
        CaseDocuments.Uploaded u = documents.upload(caseNumber, id, content,
                declared == null ? null : declared.getType() + "/" + declared.getSubtype(), fileName);
        SignedCopyView view = SignedCopyView.of(base(caseNumber), u.copy());
        return (u.created() ? Response.created(java.net.URI.create(view.href())) : Response.ok())
                .type(MediaType.APPLICATION_JSON).entity(view).build();
    }

    @GET
    @Path("{id: \\d+}/signed-copies/{copy: \\d+}")
    @Produces({PDF, "image/png", "image/jpeg"})
    @Operation(summary = "A filed signed copy, as uploaded")
    public Response signedCopy(@PathParam("caseNumber") String caseNumber, @PathParam("id") long id,
                               @PathParam("copy") long copy) {
        SignedCopy s = documents.signedCopy(caseNumber, id, copy);
        return Response.ok(s.content(), s.mediaType())
                .header("ETag", "\"" + s.sha256() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @GET
    @Path("signatures")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Electronic signing of the agreement: the version to sign, who has signed, the signed version")
    @APIResponse(responseCode = "409", description = "No written agreement, or none generated yet")
    public SigningViews.SigningView signing(@PathParam("caseNumber") String caseNumber) {
        return SigningViews.SigningView.of(base(caseNumber), signatures.status(caseNumber));
    }

    @POST
    @Path("signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A party signs the agreement on the office's tablet",
            description = "Body: party (position in the case), image (the handwritten signature, PNG, base64), "
                    + "sha256 (of the agreement file the party read: the version's ETag). When the last party has "
                    + "signed, TriLink stores a new version with the signatures on their lines, the committee's seal "
                    + "and a PAdES digital signature by the office's certificate (signedHref).")
    @APIResponse(responseCode = "201", description = "Signed; complete=true when this was the last party")
    @APIResponse(responseCode = "409", description = "A stale version (urn:trilink:problem:stale-agreement-version), "
            + "this party signed already, or every party has")
    @APIResponse(responseCode = "400", description = "No or an unreadable, blank or oddly sized image")
    @APIResponse(responseCode = "415", description = "The image is not a PNG")
    public Response sign(@PathParam("caseNumber") String caseNumber, SigningViews.SignRequest body,
                         @Context jakarta.servlet.http.HttpServletRequest request) {
        if (body == null || body.party == null) {
            throw ProblemException.badRequest("party", "the party's position in the case is required");
        }
        byte[] png;
        try {
            png = body.image == null ? new byte[0] : java.util.Base64.getMimeDecoder().decode(body.image.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("image", "must be base64");
        }
        signatures.signAtOffice(caseNumber, body.party, png, clientAddress.of(request), body.sha256);
        SigningViews.SigningView view = SigningViews.SigningView.of(base(caseNumber), signatures.status(caseNumber));
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(view).build();
    }

    @GET
    @Path("{id: \\d+}/pages/{page: \\d+}")
    @Produces("image/png")
    @Operation(summary = "A page of a stored version as a PNG image (110 dpi), for a party to read before signing")
    public Response page(@PathParam("caseNumber") String caseNumber, @PathParam("id") long id,
                         @PathParam("page") int page) {
        return Response.ok(signatures.page(caseNumber, id, page), "image/png")
                .header("X-Page-Count", signatures.pageCount(caseNumber, id))
                .header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("{id: \\d+}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The digital signatures of a stored version, checked",
            description = "For each signature: signer, time, whether the CMS signature holds (intact), whether it "
                    + "covers the whole file (ByteRange to the end), whether it is the office's certificate.")
    public SigningViews.VerificationReport verification(@PathParam("caseNumber") String caseNumber,
                                                        @PathParam("id") long id) {
        return SigningViews.VerificationReport.of(signatures.verifyStored(caseNumber, id));
    }

    private static Response.ResponseBuilder pdf(Response.ResponseBuilder answer, String caseNumber, CaseDocument d) {
        return answer.type(PDF).entity(d.content())
                .header("Content-Disposition", "inline; filename=\"" + DocumentViews.fileName(caseNumber, d) + "\"")
                .header("ETag", "\"" + d.pdfSha256() + "\"")
                .header("X-Document-Id", d.id())
                .header("X-Document-Version", d.versionNo())
                .header("X-Case-Version", d.caseVersion())
                .header("X-Verification-Code", d.verificationCode())
                // the agreement carries whole ID numbers: no shared cache may keep it
                .header("Cache-Control", "private, no-store");
    }

    private byte[] read(InputStream body) {
        return BoundedBody.read(body, maxUploadBytes, this::tooLarge);
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "Content Too Large", "A signed copy may have at most "
                + maxUploadBytes + " bytes (" + (maxUploadBytes / (1024 * 1024)) + " MB); scan at a lower "
                + "resolution or as greyscale."));
    }

    private static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a whole number");
        }
    }

    private String base(String caseNumber) {
        return uriInfo.getBaseUriBuilder().path("cases").path(caseNumber).path("documents").build().getPath();
    }
}
