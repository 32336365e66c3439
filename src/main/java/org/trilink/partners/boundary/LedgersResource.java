package org.trilink.partners.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trilink.partners.control.LedgerImport;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * Historical ledgers (台账) uploaded by an office (or the admin for a named office): .xlsx or
 * .csv, imported row by row with a report of every bad row.
 */
@Path("ledgers")
@RequestScoped
@Tag(name = "Ledger import", description = "Bring an office's historical case ledger in (.xlsx or .csv)")
public class LedgersResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CurrentUser user;

    @Inject
    LedgerImport ledgers;

    @POST
    @Consumes({XLSX, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a ledger: columns ledgerId, receivedAt, disputeType, summary, regionCode, address, "
            + "amountInvolved, peopleInvolved, riskLevel, channel, applicantName, applicantIdNumber, applicantPhone, "
            + "respondentName, respondentKind, outcome, agreementForm, concludedAt")
    public LedgerImport.Report upload(@QueryParam("office") String office,
                                      @HeaderParam("Content-Type") String contentType, InputStream body)
            throws IOException {
        String officeCode = ledgers.officeFor(user, office);
        boolean xlsx = contentType != null && contentType.startsWith(XLSX);
        try {
            return ledgers.importFile(body, xlsx, officeCode, user.username());
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The file can not be read as "
                    + (xlsx ? ".xlsx" : "UTF-8 CSV") + "."));
        }
    }
}
