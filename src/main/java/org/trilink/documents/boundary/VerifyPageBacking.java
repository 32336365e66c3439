package org.trilink.documents.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.trilink.documents.control.AgreementSignatures;
import org.trilink.platform.problem.ProblemException;

/**
 * The public verification page (/public/verify.xhtml): a PDF uploaded, its signatures checked by
 * {@link AgreementSignatures#verify}, as the public verification API does. Keeps only the
 * report's words (Serializable, for the shared session).
 */
@Named("verifyPage")
@ViewScoped
public class VerifyPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    @Inject
    AgreementSignatures signatures;

    private String fileName;
    private String sha256;
    private Boolean valid;
    private boolean changed;
    private boolean issuedByTriLink;
    private final List<Row> rows = new ArrayList<>();

    /** One signature as the page shows it. */
    public record Row(String signer, OffsetDateTime signedAt, boolean intact, boolean coversWholeFile,
                      boolean officeCertificate, String problem) implements Serializable {
    }

    public void upload(FileUploadEvent event) {
        rows.clear();
        valid = null;
        fileName = event.getFile().getFileName();
        byte[] content = event.getFile().getContent();
        if (content.length > MAX_BYTES) {
            error("verify.tooLarge");
            return;
        }
        try {
            SigningViews.VerificationReport report = SigningViews.VerificationReport.of(signatures.verify(content));
            sha256 = report.sha256();
            valid = report.valid();
            changed = report.changed();
            issuedByTriLink = report.issuedByTriLink();
            report.signatures().forEach(s -> rows.add(new Row(s.signer(), s.signedAt(), s.intact(),
                    s.coversWholeFile(), s.officeCertificate(), s.problem())));
        } catch (ProblemException e) {
            error("verify.notPdf");
        }
    }

    private void error(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getFileName() {
        return fileName;
    }

    public String getSha256() {
        return sha256;
    }

    public Boolean getValid() {
        return valid;
    }

    public boolean isChecked() {
        return valid != null;
    }

    public boolean isChanged() {
        return changed;
    }

    public boolean isIssuedByTriLink() {
        return issuedByTriLink;
    }

    public List<Row> getRows() {
        return rows;
    }
}
