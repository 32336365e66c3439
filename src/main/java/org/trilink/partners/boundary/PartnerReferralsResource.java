package org.trilink.partners.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.partners.control.IntakeAnswer;
import org.trilink.partners.control.PartnerIntake;
import org.trilink.partners.control.ReferralMessage;
import org.trilink.partners.control.ReferralStatus;
import org.trilink.partners.control.SignatureCheck;
import org.trilink.partners.entity.Partner;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.Signatures;

/**
 * The partners' door (partner-exchange-v1). Authenticated by the HMAC signature of each
 * request, not by a staff login: web.xml leaves /api/v1/partner/* to this check. The raw body
 * is read as bytes, because the signature covers exactly those bytes.
 */
// one instance: a request-scoped resource was built, with its injection, for every referral (3%)
@Path("partner/referrals")
@ApplicationScoped
@Tag(name = "Partner exchange", description = "Signed referrals from partner agencies (partner-exchange-v1)")
public class PartnerReferralsResource {

    @Inject
    SignatureCheck signatures;

    @Inject
    PartnerIntake intake;

    @Inject
    ReferralStatus status;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand a dispute over (202 new, 200 repeated, 409 different content under the same externalId)",
            description = "A tolerant reader: fields that contract v1 does not know are passed over. A fraction where "
                    + "a whole number belongs, or a NUL character in any text, is a 400 naming the field.")
    @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReferralMessage.class)))
    public Response submit(@HeaderParam(Signatures.PARTNER_ID) String partnerId,
                           @HeaderParam(Signatures.TIMESTAMP) String timestamp,
                           @HeaderParam(Signatures.SIGNATURE) String signature,
                           @HeaderParam("Content-Type") String contentType,
                           byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Partner partner = signatures.verify(partnerId, timestamp, signature, raw);
        if (!isJson(contentType)) {
            throw new ProblemException(Problem.of(415, "Unsupported Media Type",
                    "The body must be application/json; charset=utf-8."));
        }
        ReferralMessage message = intake.parse(raw);
        IntakeAnswer answer = intake.take(partner, message, "HTTP");
        Response.ResponseBuilder r = Response.status(answer.status()).entity(answer.body())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .location(uri.getAbsolutePathBuilder().path(answer.referralId()).build());
        return r.build();
    }

    @GET
    @Path("{referralId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where one of the partner's referrals stands: PENDING, ACCEPTED, REJECTED or CONCLUDED")
    public Response status(@HeaderParam(Signatures.PARTNER_ID) String partnerId,
                           @HeaderParam(Signatures.TIMESTAMP) String timestamp,
                           @HeaderParam(Signatures.SIGNATURE) String signature,
                           @PathParam("referralId") String referralId) {
        Partner partner = signatures.verify(partnerId, timestamp, signature, new byte[0]);
        return Response.ok(status.of(partner.code(), referralId))
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType t = MediaType.valueOf(contentType);
            String charset = t.getParameters().get("charset");
            return t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType() && !t.isWildcardSubtype()
                    && (charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset)
                    || "utf8".equalsIgnoreCase(charset));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
