package org.trilink.door.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.documents.control.AgreementSignatures;
import org.trilink.door.control.DoorSettings;
import org.trilink.door.control.PartyPass;
import org.trilink.door.control.PartyPasses;
import org.trilink.door.control.PartySignatures;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.ClientAddress;

/**
 * The sign page (签署协议): the party of the session's FOLLOW pass reads the agreement's pages,
 * draws a signature on a canvas (resources/js/door-sign.js puts it in a hidden field as a PNG data
 * URL), asks for a code and signs. Without a valid pass for a case the party is sent to the follow
 * page; every action checks the pass against the database again.
 */
@Named("signPage")
@ViewScoped
public class SignBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PartySession session;

    @Inject
    PartyPasses passes;

    @Inject
    PartySignatures signatures;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Labels labels;

    private PartySignatures.ToSign toSign;
    private boolean noAgreement;
    private String image;
    private String challenge;
    private String code;
    /** The pages as data URLs, rendered once per version (not kept in the session: rendered again after a failover) */
    private transient Map<String, String> pageImages;

    /** On opening: the agreement of the session's case, or off to the follow page. */
    public void load() throws IOException {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        PartyPass pass = pass();
        if (pass == null) {
            return;
        }
        show(pass);
    }

    public void sendCode() throws IOException {
        PartyPass pass = pass();
        if (pass == null) {
            return;
        }
        try {
            challenge = signatures.askCode(pass, DoorSettings.NOTICE_VERSION, DoorPage.locale(labels),
                    DoorPage.address(clientAddress)).challenge();
            FacesContext.getCurrentInstance().addMessage("sign:code", new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("door.codeSent"), null));
        } catch (ProblemException refused) {
            refuse(refused);
        }
    }

    public void sign() throws IOException {
        PartyPass pass = pass();
        if (pass == null || toSign == null) {
            return;
        }
        boolean missing = false;
        if (image == null || image.isBlank()) {
            field("sign:image", labels.text("door.sign.error.image"));
            missing = true;
        }
        if (challenge == null || code == null || code.isBlank()) {
            field("sign:code", labels.text("door.sign.error.code"));
            missing = true;
        }
        if (missing) {
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            toSign = signatures.sign(pass, new PartySignatures.Signing(SignatureImages.decode(image), toSign.sha256(),
                    challenge, code), DoorPage.address(clientAddress));
            image = null;
            code = null;
            challenge = null;
        } catch (ProblemException refused) {
            refuse(refused);
        }
    }

    private void show(PartyPass pass) {
        try {
            toSign = signatures.agreement(pass, DoorPage.address(clientAddress));
            noAgreement = false;
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                noAgreement = true;
                toSign = null;
            } else {
                DoorPage.show(refused, labels, "sign");
            }
        }
    }

    /** A refusal beside the field it is about, in the page's words. */
    private void refuse(ProblemException refused) throws IOException {
        Problem p = refused.problem();
        String type = p.type() == null ? "" : p.type();
        List<String> fields = p.errors() == null ? List.of()
                : p.errors().stream().map(Problem.FieldError::field).toList();
        if (p.status() == 401) {
            toFollow();
        } else if (AgreementSignatures.STALE_VERSION.equals(type)) {
            show(pass());
            // the new version's pages, outside the form
            org.primefaces.PrimeFaces.current().ajax().update("pages");
            field(null, labels.text("door.sign.error.stale", toSign == null ? "" : String.valueOf(toSign.version())));
        } else if (AgreementSignatures.ALREADY_SIGNED.equals(type)) {
            show(pass());
            field(null, labels.text("door.sign.error.already"));
        } else if (fields.contains("image")) {
            field("sign:image", labels.text("door.sign.error.image"));
        } else if (p.status() == 413 || p.status() == 415) {
            field("sign:image", labels.text("door.sign.error.imageSize"));
        } else if (type.equals("urn:trilink:problem:code-wrong")) {
            Object left = p.extensions() == null ? null : p.extensions().get("triesLeft");
            field("sign:code", labels.text("door.error.codeWrong", left == null ? "" : left.toString()));
        } else if (type.equals("urn:trilink:problem:code-expired")) {
            challenge = null;
            field("sign:code", labels.text("door.error.codeExpired"));
        } else if (p.status() == 403) {
            challenge = null;
            field("sign:code", labels.text("door.sign.error.codeOther"));
        } else if (p.status() == 404) {
            noAgreement = true;
            toSign = null;
        } else {
            DoorPage.show(refused, labels, "sign");
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void field(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, DoorPage.error(text));
    }

    /** The session's pass, checked again; none or one without a case: to the follow page, and null. */
    private PartyPass pass() throws IOException {
        PartyPass pass = DoorPage.casePass(session, passes);
        if (pass == null) {
            toFollow();
        }
        return pass;
    }

    private static void toFollow() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/public/follow.xhtml");
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** The pages of the version shown, 1 … n. */
    public List<Integer> getPages() {
        List<Integer> pages = new ArrayList<>();
        for (int i = 1; toSign != null && i <= toSign.pageCount(); i++) {
            pages.add(i);
        }
        return pages;
    }

    /** Page {@code page} of the version to sign as a PNG data URL (the page has no header to send the pass in). */
    public String pageImage(int page) throws IOException {
        PartyPass held = session.pass();
        if (toSign == null || held == null) {
            return "";
        }
        if (pageImages == null) {
            pageImages = new HashMap<>();
        }
        String key = toSign.documentId() + "/" + page;
        String url = pageImages.get(key);
        if (url == null) {
            try {
                url = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                        signatures.page(passes.valid(held.token()), toSign.documentId(), page));
            } catch (ProblemException | UncheckedIOException e) {
                return "";
            }
            pageImages.put(key, url);
        }
        return url;
    }

    /** When this party signed, in the page's words. */
    public String getSignedAt() {
        return toSign == null ? "" : labels.dateTime(toSign.youSignedAt());
    }

    public PartySignatures.ToSign getToSign() {
        return toSign;
    }

    public boolean isNoAgreement() {
        return noAgreement;
    }

    public boolean isCodeSent() {
        return challenge != null;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
