package org.trilink.partners.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.trilink.partners.control.LedgerFile;
import org.trilink.partners.control.LedgerImport;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The ledger import page (台账导入): a file goes through {@link LedgerImport}, as with the ledger
 * API, so who may import for which office and how each row is checked and stored are decided in
 * one place; the page shows the row report (imported, already imported, refused rows with their
 * row number and reason, which name the column and never quote the row's data).
 */
@Named("ledgerImport")
@ViewScoped
public class LedgerImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LedgerImportBacking.class.getName());

    @Inject
    CurrentUser user;

    @Inject
    LedgerImport ledgers;

    @Inject
    Labels labels;

    /** The office the admin imports for; staff always import for their own. */
    private String office;
    private String fileName;
    private LedgerImport.Report report;

    /** Runs when the page opens: anyone the API would refuse gets the 403 page. */
    public void open() {
        if (!LedgerImport.mayImport(user)) {
            throw ProblemException.forbidden("Your role does not import ledgers.");
        }
    }

    public boolean isAdmin() {
        return user.admin();
    }

    public void upload(FileUploadEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        UploadedFile file = event.getFile();
        report = null;
        fileName = file.getFileName();
        try {
            String officeCode = ledgers.officeFor(user, user.admin() ? office : null);
            if (file.getSize() > ledgers.maxBytes()) {
                throw LedgerFile.tooLarge(ledgers.maxBytes());
            }
            // the browser's content type for .csv and .xlsx varies: the content decides
            try (LedgerFile ledger = ledgers.receive(file.getInputStream(), null, null)) {
                report = ledgers.importFile(ledger, officeCode, user.username(), user.admin());
            }
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("ledger.done", report.created(), report.repeated(), report.failed()), null));
        } catch (ProblemException refused) {
            Problem p = refused.problem();
            String text = p.status() == 403 ? labels.text("ledger.forbidden")
                    : p.status() == 400 && p.errors() != null ? labels.text("ledger.chooseOffice")
                    // the file itself refused: too large, wrong type, unreadable, undecidable encoding
                    : p.status() == 400 || p.status() == 413 || p.status() == 415 ? labels.text("ledger.unreadable")
                    : labels.text("action.failed");
            error(context, text);
        } catch (IOException e) {
            // the class only: the message may quote the file
            LOG.log(Level.INFO, "Ledger file not readable: {0}", e.getClass().getName());
            error(context, labels.text("ledger.unreadable"));
        }
    }

    private static void error(FacesContext context, String text) {
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }

    /**
     * A refused row's reasons in the page's language: each names its column (as in the file's
     * first line) and says what is wrong, from the codes the import gives with its English reason.
     */
    public String reason(LedgerImport.RowError error) {
        if (error.refusals() == null || error.refusals().isEmpty()) {
            return error.reason();
        }
        return error.refusals().stream()
                .map(r -> {
                    String key = "ledger.refusal." + r.code();
                    return labels.text(key, r.column() == null ? "" : r.column(), r.limit() == null ? "" : r.limit());
                })
                .collect(java.util.stream.Collectors.joining(labels.text("ledger.refusal.separator")));
    }

    public LedgerImport.Report getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }
}
