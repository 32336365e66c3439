package org.trilink.partners.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.trilink.partners.control.LedgerFile;
import org.trilink.partners.control.LedgerImport;
import org.trilink.partners.control.LedgerStaging;
import org.trilink.partners.control.LedgerUploads;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The ledger import page (台账导入): upload (dropped or chosen), preview, then confirm, as with
 * the ledger API and through the same {@link LedgerStaging}, so who may import for which office
 * and how each row is checked and stored are decided in one place. The upload is staged in the
 * database, so the confirmation may reach any instance; the view keeps only its id and the
 * figures shown (all serializable, as sessions are distributable).
 */
@Named("ledgerImport")
@ViewScoped
public class LedgerImportBacking implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final Logger LOG = Logger.getLogger(LedgerImportBacking.class.getName());
    /** Issues the preview table holds; the API pages through all of them. */
    private static final int SHOWN_ISSUES = 1000;

    @Inject
    CurrentUser user;

    @Inject
    LedgerImport ledgers;

    @Inject
    LedgerStaging staging;

    @Inject
    Labels labels;

    @Inject
    org.trilink.partners.control.LedgerTemplates templates;

    /** The office the admin imports for; staff always import for their own. */
    private String office;
    private LedgerUploads.Upload upload;
    private List<LedgerUploads.Issue> issues = List.of();
    private LedgerStaging.Confirmation confirmation;
    private List<LedgerUploads.Upload> past;

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
        upload = null;
        issues = List.of();
        confirmation = null;
        try {
            String officeCode = ledgers.officeFor(user, user.admin() ? office : null);
            if (file.getSize() > ledgers.maxBytes()) {
                throw LedgerFile.tooLarge(ledgers.maxBytes());
            }
            // the browser's content type for .csv and .xlsx varies: the content decides
            try (LedgerFile ledger = ledgers.receive(file.getInputStream(), null, null)) {
                show(staging.stage(ledger, file.getFileName(), officeCode, user).upload().id());
            }
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("ledger.staged", upload.counts().rows()), null));
        } catch (ProblemException refused) {
            Problem p = refused.problem();
            error(context, p.status() == 403 ? labels.text("ledger.forbidden")
                    : p.status() == 400 && p.errors() != null ? labels.text("ledger.chooseOffice")
                    : p.status() == 400 || p.status() == 413 || p.status() == 415 ? fileRefusal(p)
                    : labels.text("action.failed"));
        } catch (IOException e) {
            // the class only: the message may quote the file
            LOG.log(Level.INFO, "Ledger file not readable: {0}", e.getClass().getName());
            error(context, labels.text("ledger.unreadable"));
        }
        past = null;
    }

    /**
     * Why the file itself was refused, in the page's language: the detail of {@link LedgerFile}'s
     * problem names the case (too large, wrong type, damaged, encrypted, zip bomb, encoding).
     */
    String fileRefusal(Problem p) {
        String detail = p.detail() == null ? "" : p.detail();
        String key = p.status() == 413 ? "ledger.file.tooLarge"
                : p.status() == 415 ? "ledger.file.wrongType"
                : detail.contains("zip bomb") ? "ledger.file.zipBomb"
                : detail.contains("password") ? "ledger.file.encrypted"
                : detail.contains("encoding") ? "ledger.file.encoding"
                : detail.contains("empty") ? "ledger.file.empty"
                : detail.contains("damaged") ? "ledger.file.damaged"
                : detail.contains("CSV") ? "ledger.file.csv"
                : "ledger.unreadable";
        return labels.text(key, ledgers.maxBytes() / (1024 * 1024));
    }

    public void confirmAll() {
        confirm(LedgerUploads.Mode.ALL_OR_NOTHING);
    }

    public void confirmSkippingErrors() {
        confirm(LedgerUploads.Mode.SKIP_ERRORS);
    }

    private void confirm(LedgerUploads.Mode mode) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (upload == null) {
            return;
        }
        try {
            confirmation = staging.confirm(upload.id(), mode, user);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, labels.text("ledger.done",
                    confirmation.created(), confirmation.repeated(), confirmation.skipped() + confirmation.failed()),
                    null));
        } catch (ProblemException refused) {
            Problem p = refused.problem();
            error(context, p.status() != 409 ? labels.text("action.failed")
                    : p.extensions() != null && p.extensions().containsKey("rowsWithErrors")
                    ? labels.text("ledger.allRefused", p.extensions().get("rowsWithErrors"), p.extensions().get("conflicts"))
                    : labels.text("ledger.notStaged"));
        }
        show(upload.id());
        past = null;
    }

    /** The .xlsx template of a matter kind's ledger, in the page's language, for p:fileDownload. */
    public org.primefaces.model.StreamedContent template(String kind) {
        org.trilink.cases.entity.MatterKind matterKind = org.trilink.cases.entity.MatterKind.valueOf(kind);
        java.util.Locale locale = labels.text("ledger.templateLang").startsWith("en") ? java.util.Locale.ENGLISH
                : java.util.Locale.CHINESE;
        byte[] workbook = templates.workbook(matterKind, locale);
        return org.primefaces.model.DefaultStreamedContent.builder()
                .name(org.trilink.partners.control.LedgerTemplates.fileName(matterKind))
                .contentType(LedgerFile.XLSX).contentLength((long) workbook.length)
                .stream(() -> new java.io.ByteArrayInputStream(workbook)).build();
    }

    /** Opens a staged upload of the list again (uploaded earlier, perhaps on another instance). */
    public void reopen(long id) {
        confirmation = null;
        show(id);
    }

    public void discard() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (upload == null) {
            return;
        }
        try {
            staging.discard(upload.id(), user);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, labels.text("ledger.discarded"),
                    null));
            upload = null;
            issues = List.of();
        } catch (ProblemException refused) {
            error(context, labels.text("ledger.notStaged"));
            show(upload.id());
        }
        past = null;
    }

    private void show(long id) {
        upload = staging.upload(id, user);
        issues = List.copyOf(staging.issues(id, user, null, 0, SHOWN_ISSUES).items());
    }

    private static void error(FacesContext context, String text) {
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }

    /** An issue in the page's language: its column (as in the file's first line) and what is wrong or doubtful. */
    public String reason(LedgerUploads.Issue issue) {
        String prefix = issue.severity() == LedgerUploads.Severity.WARNING ? "ledger.warning." : "ledger.refusal.";
        String key = prefix + issue.code();
        if (!labels.bundle().containsKey(key)) {
            return issue.reason();
        }
        return labels.text(key, issue.column() == null ? "" : issue.column(), issue.limit() == null ? "" : issue.limit());
    }

    public String severity(LedgerUploads.Issue issue) {
        String key = "ledger.severity." + issue.severity().name();
        return labels.text(key);
    }

    /** The table row's class: errors red, warnings amber, conflicts marked. */
    public String rowClass(LedgerUploads.Issue issue) {
        return "tl-issue-" + issue.severity().name().toLowerCase(java.util.Locale.ROOT);
    }

    public String status(LedgerUploads.Upload u) {
        String key = "ledger.status." + u.status().name();
        return labels.text(key);
    }

    public String when(LedgerUploads.Upload u) {
        return labels.dateTime(u.uploadedAt());
    }

    /** The office's past imports (the admin's: every office's), newest first. */
    public List<LedgerUploads.Upload> getPast() {
        if (past == null) {
            past = List.copyOf(staging.uploads(user, user.admin() ? office : null, 0, 20).items());
        }
        return past;
    }

    public boolean isStaged() {
        return upload != null && upload.status() == LedgerUploads.Status.STAGED;
    }

    public LedgerUploads.Upload getUpload() {
        return upload;
    }

    public List<LedgerUploads.Issue> getIssues() {
        return issues;
    }

    public LedgerStaging.Confirmation getConfirmation() {
        return confirmation;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
        past = null;
    }
}
