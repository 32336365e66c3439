package org.trilink.documents.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.trilink.cases.control.CaseAccess;
import org.trilink.documents.control.CaseDocuments;
import org.trilink.documents.entity.CaseDocument;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;

/**
 * The documents panel of the case page. Generating, listing and filing signed copies go
 * through {@link CaseDocuments}, as the documents API does, so the same rules apply (only
 * offices taking part, every generation and upload in the case history). A stored version is
 * downloaded through the documents API itself (the signed-in session is accepted there), so
 * each download is recorded exactly as a script's would be.
 */
@Named("caseDocuments")
@ViewScoped
public class CaseDocumentsBacking implements Serializable {

    // the upload limit is read through CaseDocuments: a view-scoped bean may not hold a
    // @ConfigProperty (a dependent, not passivation-capable bean; Weld refuses the deployment)

    private static final long serialVersionUID = 1L;

    @Inject
    CaseDocuments documents;

    @Inject
    CaseAccess access;

    @Inject
    Labels labels;


    /** The overview is read once per request (kept in the request, never in the view), and again after a change. */
    private static final String OVERVIEW = "trilink.documents.overview.";

    /** Whether the panel is shown: staff of an office taking part in the case (as the API's 403 says). */
    public boolean shown(String caseNumber) {
        try {
            return access.takesPart(access.visible(caseNumber));
        } catch (ProblemException notVisible) {
            return false;
        }
    }

    public CaseDocuments.Overview overview(String caseNumber) {
        return (CaseDocuments.Overview) request().computeIfAbsent(OVERVIEW + caseNumber,
                k -> documents.overview(caseNumber));
    }

    private static java.util.Map<String, Object> request() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
    }

    private static void forget() {
        request().keySet().removeIf(k -> k.startsWith(OVERVIEW));
    }

    public List<CaseDocuments.Listed> stored(String caseNumber) {
        // newest first: the version people want is usually the last one made
        return overview(caseNumber).documents().stream()
                .sorted(java.util.Comparator.comparing(CaseDocuments.Listed::id).reversed()).toList();
    }

    public List<CaseDocuments.CopyListed> copiesOf(String caseNumber, long documentId) {
        return overview(caseNumber).signedCopies().stream().filter(s -> s.documentId() == documentId).toList();
    }

    /** Where the API serves a stored version (PDF). */
    public String href(String caseNumber, long documentId) {
        return base(caseNumber) + "/" + documentId;
    }

    public String copyHref(String caseNumber, CaseDocuments.CopyListed copy) {
        return base(caseNumber) + "/" + copy.documentId() + "/signed-copies/" + copy.id();
    }

    private static String base(String caseNumber) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/api/v1/cases/" + java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8)
                + "/documents";
    }

    /** Generates (or finds unchanged) the document the button stands for. */
    public void generate(String caseNumber, CaseDocuments.Available what) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            CaseDocuments.Generated g = documents.generate(caseNumber, what.kind(),
                    what.subjectId() == 0 ? null : what.subjectId(), null);
            CaseDocument d = g.document();
            context.addMessage(MESSAGES, new FacesMessage(FacesMessage.SEVERITY_INFO, labels.text(
                    g.created() ? "documents.generated" : "documents.unchanged", labels.of(d.kind()), d.versionNo(),
                    d.verificationCode()), null));
        } catch (ProblemException refused) {
            show(context, refused.problem());
        }
        forget();
    }

    /** A scan of the signed paper, filed with the version it was printed from. */
    public void upload(FileUploadEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        Object caseNumber = event.getComponent().getAttributes().get("caseNumber");
        Object documentId = event.getComponent().getAttributes().get("documentId");
        UploadedFile file = event.getFile();
        try {
            if (caseNumber == null || documentId == null) {
                throw ProblemException.badRequest("documentId", "required");
            }
            if (file.getSize() > documents.maxUploadBytes()) {
                throw new ProblemException(Problem.of(413, "Content Too Large", "too large"));
            }
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = in.readAllBytes();
            }
            CaseDocuments.Uploaded u = documents.upload(caseNumber.toString(), ((Number) documentId).longValue(),
                    content, file.getContentType(), file.getFileName());
            context.addMessage(MESSAGES, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text(u.created() ? "documents.uploaded" : "documents.uploadedBefore"), null));
        } catch (ProblemException refused) {
            show(context, refused.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        forget();
    }

    /** The documents panel's own messages: said there only, not at the top of the case page. */
    static final String MESSAGES = "documents";

    private void show(FacesContext context, Problem problem) {
        String text = switch (problem.status()) {
            case 413 -> labels.text("documents.tooLarge", documents.maxUploadBytes() / (1024 * 1024));
            case 415 -> labels.text("documents.wrongType");
            case 400 -> labels.text("documents.empty");
            case 403 -> labels.text("documents.forbidden");
            case 404 -> labels.text("case.notFound");
            case 409 -> labels.text("documents.notNow");
            default -> labels.text("action.failed");
        };
        context.addMessage(MESSAGES, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }

    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }

    public long getMaxUploadBytes() {
        return documents.maxUploadBytes();
    }
}
