package org.trilink.door.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.door.control.DoorOffices;
import org.trilink.door.control.DoorSettings;
import org.trilink.door.control.PartyCases;
import org.trilink.door.control.PartyPass;
import org.trilink.door.control.PartyPasses;
import org.trilink.door.control.PartySignatures;
import org.trilink.door.control.PartyRatings;
import org.trilink.door.control.PublicCodes;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.ClientAddress;

/**
 * The parties' public API (issue 24), outside the staff login (web.xml: /api/v1/public/*). A party
 * agrees to the privacy notice and asks for a code (POST codes), proves the phone with it (POST
 * codes/{challenge}) and gets a pass, sent back in the header {@value #PASS}; the pass opens the
 * application (APPLY) or the case the phone belongs to (FOLLOW).
 */
@Path("public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
@Tag(name = "Parties' door (public)", description = "No staff login: a code sent by SMS to the party's phone opens"
        + " a pass, sent in the header X-TriLink-Party-Pass. Codes: 6 digits, 5 minutes, 5 tries; at most a few"
        + " codes per phone, client address and office a day (429 with Retry-After)")
public class PublicResource {

    /** The header a pass travels in. */
    public static final String PASS = "X-TriLink-Party-Pass";

    @Inject
    PublicCodes codes;

    @Inject
    PartyPasses passes;

    @Inject
    PartyCases cases;

    @Inject
    DoorOffices offices;

    @Inject
    PartySignatures signatures;

    @Inject
    PartyRatings ratings;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    /** The privacy notice: its version (named when agreeing) and the text in both languages. */
    public record Notice(String version, String textZh, String textEn) {
    }

    @GET
    @Path("privacy-notice")
    @Operation(summary = "The privacy notice (PIPL) a party agrees to before anything is collected")
    public Notice notice() {
        return new Notice(DoorSettings.NOTICE_VERSION, DoorWords.NOTICE_ZH, DoorWords.NOTICE_EN);
    }

    @GET
    @Path("towns")
    @Operation(summary = "The towns and streets, each with the office that takes its online applications")
    public List<DoorOffices.Town> towns() {
        return offices.towns();
    }

    @GET
    @Path("offices/{code}")
    @Operation(summary = "An office a poster's QR code names, with its town; 404 for an unknown or inactive one")
    public DoorOffices.Town office(@PathParam("code") String code) {
        return offices.office(code).orElseThrow(() -> ProblemException.notFound("No office " + code + "."));
    }

    /** A code asked for. */
    public static class CodeBody {
        /** APPLY, FOLLOW or SIGN (a fresh code to confirm a signature: phone and case number as for FOLLOW) */
        public String purpose;
        public String phone;
        /** APPLY: the office applied to */
        public String officeCode;
        /** FOLLOW, SIGN: the case number */
        public String caseNumber;
        /** true: the party agrees to the privacy notice of noticeVersion */
        public Boolean consent;
        public String noticeVersion;
        /** zh-CN (default) or en: the SMS's language */
        public String locale;
    }

    @POST
    @Path("codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agree to the privacy notice and ask for a code by SMS: 202 with the challenge. The same answer"
            + " whether or not the case number and phone match (no SMS then); 400 naming faulty fields; 429 past a"
            + " daily limit")
    public Response askForCode(@NotNull(message = "a JSON body is required") CodeBody body) {
        PartyPass.Purpose purpose = null;
        try {
            purpose = body.purpose == null ? null : PartyPass.Purpose.valueOf(body.purpose);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("purpose", "APPLY, FOLLOW or SIGN");
        }
        PublicCodes.Challenge c = codes.request(new PublicCodes.CodeRequest(purpose, body.phone, body.officeCode,
                body.caseNumber, Boolean.TRUE.equals(body.consent), body.noticeVersion, body.locale), address());
        return Response.accepted(c).build();
    }

    /** The code the party received. */
    public static class CodeAnswer {
        public String code;
    }

    /** A pass: the token to send in X-TriLink-Party-Pass, what it is for, until when. */
    public record PassIssued(String pass, String purpose, String caseNumber, String officeCode,
                             OffsetDateTime expiresAt) {
    }

    @POST
    @Path("codes/{challenge}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prove the phone: 200 with a pass; 400 (triesLeft) for a wrong code; 410 when expired, used or"
            + " tried five times")
    public PassIssued verify(@PathParam("challenge") String challenge, CodeAnswer body) {
        PartyPass pass = codes.verify(challenge, body == null ? null : body.code, address());
        return issued(pass);
    }

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply (with an APPLY pass): the case is registered with channel ONLINE in the office's inbox,"
            + " by the staff intake's rules (400 lists every faulty field); 201 with the case number and the pass,"
            + " now for following that case")
    public Response apply(@HeaderParam(PASS) String token,
                          @NotNull(message = "a JSON body is required") @Valid PublicApplication body) {
        PartyPass pass = passes.valid(token);
        PartyCases.Applied applied = cases.apply(pass, body.toCommand(pass.officeCode()), address());
        return Response.created(URI.create("public/case")).entity(issued(applied.pass())).build();
    }

    @GET
    @Path("case")
    @Operation(summary = "Where the party's case stands (with a FOLLOW pass): status, the next session, the papers,"
            + " the other parties masked. Each view is recorded in the case's history")
    public PartyCases.Standing standing(@HeaderParam(PASS) String token) {
        return cases.standing(passes.valid(token), address());
    }

    @GET
    @Path("case/personal-data")
    @Operation(summary = "The personal data held about the party in the case, whole (the view is recorded)")
    public PartyCases.OwnData personalData(@HeaderParam(PASS) String token) {
        return cases.personalData(passes.valid(token), address());
    }

    /** What the party says is right. */
    public static class CorrectionBody {
        public String name;
        public String idNumber;
        public String phone;
        public String address;
        public String note;
    }

    /** A correction request filed. */
    public record CorrectionFiled(long id, String status) {
    }

    @POST
    @Path("case/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the office to correct the party's personal data: 201; staff apply or decline it")
    public Response requestCorrection(@HeaderParam(PASS) String token,
                                      @NotNull(message = "a JSON body is required") CorrectionBody body) {
        long id = cases.requestCorrection(passes.valid(token), new PartyCases.Proposed(body.name, body.idNumber,
                body.phone, body.address, body.note), address());
        return Response.status(201).entity(new CorrectionFiled(id, "OPEN")).build();
    }

    @GET
    @Path("case/agreement")
    @Operation(summary = "The agreement to sign (with a FOLLOW pass): document id, version, SHA-256 of the file,"
            + " page count, which parties have signed (positions and roles only) and whether you have; 404 when the"
            + " case has no written agreement yet. The view is recorded")
    @APIResponse(responseCode = "404", description = "No written agreement to sign yet")
    public PartySignatures.ToSign agreement(@HeaderParam(PASS) String token) {
        return signatures.agreement(passes.valid(token), address());
    }

    @GET
    @Path("case/agreement/{id}/pages/{page}")
    @Produces("image/png")
    @Operation(summary = "A page of the agreement (the version to sign or the signed one) as a PNG image, 110 dpi;"
            + " header X-Page-Count")
    public Response agreementPage(@HeaderParam(PASS) String token, @PathParam("id") long id,
                                  @PathParam("page") int page) {
        byte[] png = signatures.page(passes.valid(token), id, page);
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-store").build();
    }

    /** A party's signature: the drawing, the version shown, and the code (purpose SIGN) that confirms it. */
    public static class SignatureBody {
        /** The handwritten signature: PNG, base64 (a data URL "data:image/png;base64,..." too) */
        public String image;
        /** SHA-256 of the agreement file shown (GET case/agreement's sha256) */
        public String sha256;
        /** The challenge of POST codes with purpose SIGN */
        public String challenge;
        /** The code that SMS brought */
        public String code;
    }

    @POST
    @Path("case/agreement/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign the agreement (with a FOLLOW pass): the drawing as a PNG in base64, the SHA-256 of the"
            + " version shown, and a fresh code asked with purpose SIGN. 201 with where the signing stands; when the"
            + " last party signs, TriLink stores the sealed version with the office's PAdES signature (complete=true,"
            + " signedDocumentId)")
    @APIResponse(responseCode = "201", description = "Signed")
    @APIResponse(responseCode = "400", description = "No, a blank or an unreadable image; a wrong code (triesLeft)")
    @APIResponse(responseCode = "403", description = "The code is not a SIGN code for this case and party")
    @APIResponse(responseCode = "404", description = "No written agreement to sign")
    @APIResponse(responseCode = "409", description = "The agreement changed since it was shown"
            + " (urn:trilink:problem:stale-agreement-version), or you signed already (urn:trilink:problem:already-signed)")
    @APIResponse(responseCode = "410", description = "The code expired, was used or tried five times")
    @APIResponse(responseCode = "413", description = "The image or the body is too large")
    @APIResponse(responseCode = "415", description = "The image is not a PNG")
    public Response sign(@HeaderParam(PASS) String token,
                         @NotNull(message = "a JSON body is required") SignatureBody body) {
        PartyPass pass = passes.valid(token);
        PartySignatures.ToSign signed = signatures.sign(pass, new PartySignatures.Signing(SignatureImages.decode(body.image),
                body.sha256, body.challenge, body.code), address());
        return Response.status(201).entity(signed).build();
    }

    @GET
    @Path("case/papers/{id}")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "A paper meant for the party (with a FOLLOW pass): one of the agreement versions listed in"
            + " papers, as PDF; 404 for any other document id. Each download is recorded in the case's history")
    public Response paper(@HeaderParam(PASS) String token, @PathParam("id") String id) {
        PartyPass pass = passes.valid(token);
        long documentId;
        try {
            documentId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No paper " + id + " for you in this case.");
        }
        PartyCases.PaperFile paper = cases.paper(pass, documentId, address());
        return Response.ok(paper.content(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + paper.fileName() + "\"")
                // the agreement carries whole ID numbers: no shared cache may keep it
                .header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("case/rating")
    @Operation(summary = "Whether the party may rate the service (after the follow-up visit, once) or how it rated"
            + " (with a FOLLOW pass)")
    public PartyRatings.Rating rating(@HeaderParam(PASS) String token) {
        return ratings.of(passes.valid(token));
    }

    /** A rating: 1 to 5 stars and an optional comment. */
    public static class RatingBody {
        /** 1 (poor) to 5 (very satisfied) */
        public Integer score;
        /** at most 500 characters */
        public String comment;
    }

    @POST
    @Path("case/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the service after the follow-up visit (with a FOLLOW pass): 201; 400 for a score outside"
            + " 1-5 or a comment over 500 characters; 409 before the follow-up visit or when this party rated already"
            + " (a rating is given once)")
    public Response rate(@HeaderParam(PASS) String token,
                         @NotNull(message = "a JSON body is required") RatingBody body) {
        PartyRatings.Rating rated = ratings.rate(passes.valid(token), body.score, body.comment, address());
        return Response.created(URI.create("public/case/rating")).entity(rated).build();
    }

    @DELETE
    @Path("pass")
    @Operation(summary = "End the pass (leave)")
    public Response leave(@HeaderParam(PASS) String token) {
        passes.end(token);
        return Response.noContent().build();
    }

    private PassIssued issued(PartyPass pass) {
        return new PassIssued(pass.token(), pass.purpose().name(), pass.forCase() ? cases.caseNumber(pass) : null,
                pass.officeCode(), pass.expiresAt());
    }

    private String address() {
        return clientAddress.of(request);
    }
}
