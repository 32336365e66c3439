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
import org.trilink.partners.control.LedgerFile;
import org.trilink.partners.control.LedgerImport;
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
            + " values as codes or Chinese labels. Every imported fact is a backfilled change naming the file's"
            + " SHA-256 and row."
            + " 413 over trilink.ledger.max-bytes, 415 for another type, 400 for an unreadable file: nothing imported")
    public LedgerImport.Report upload(@QueryParam("office") String office, @QueryParam("encoding") String encoding,
                                      @HeaderParam("Content-Type") String contentType, InputStream body)
            throws IOException {
        String officeCode = ledgers.officeFor(user, office);
        // the size is counted while the body is received (a declared length is not trusted, and an
        // answer sent before the client has finished sending would reach it as a broken connection)
        try (LedgerFile file = ledgers.receive(body, contentType, encoding)) {
            return ledgers.importFile(file, officeCode, user.username(), user.admin());
        }
    }
}
