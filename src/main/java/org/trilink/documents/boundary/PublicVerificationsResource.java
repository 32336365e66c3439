package org.trilink.documents.boundary;

import org.trilink.platform.problem.BoundedBody;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.documents.control.AgreementSignatures;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * Anyone holding a signed agreement (a party, a court, a bank) checks it here without an
 * account: the answer names the signer and the time and says whether the file is unchanged
 * since, and whether TriLink stored exactly this file; never the case or its parties.
 */
@Path("public/verifications")
@Tag(name = "Public verification", description = "Check the digital signatures of a PDF TriLink signed; no account")
public class PublicVerificationsResource {

    @Inject
    AgreementSignatures signatures;

    @Inject
    @ConfigProperty(name = "trilink.documents.max-upload-bytes", defaultValue = "10485760")
    long maxBytes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a signed PDF (the file as the request body)",
            description = "For each digital signature: the signer, the time, whether the signature holds over the "
                    + "bytes it covers, whether it covers the whole file (nothing changed or added since) and whether "
                    + "it is this office's certificate; issuedByTriLink: TriLink stored exactly this file.")
    @APIResponse(responseCode = "200", description = "The report (also for a file without signatures or a changed one)")
    @APIResponse(responseCode = "400", description = "Empty body")
    @APIResponse(responseCode = "413", description = "Over the size limit")
    @APIResponse(responseCode = "415", description = "Not a readable PDF")
    public SigningViews.VerificationReport verify(@Context HttpHeaders headers, InputStream body) {
        if (headers.getLength() > maxBytes) {
            throw tooLarge();
        }
        byte[] pdf = read(body);
        if (pdf.length == 0) {
            throw ProblemException.badRequest("body", "send the PDF file as the request body");
        }
        return SigningViews.VerificationReport.of(signatures.verify(pdf));
    }

    private byte[] read(InputStream body) {
        return BoundedBody.read(body, maxBytes, this::tooLarge);
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "Content Too Large", "A file to verify may have at most "
                + maxBytes + " bytes."));
    }
}
