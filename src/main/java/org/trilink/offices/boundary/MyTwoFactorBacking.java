package org.trilink.offices.boundary;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CredentialRules;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.TwoFactors;

/**
 * A person enrols two factors on {@code /account/two-factor.xhtml}, as {@code POST
 * /api/v1/me/two-factor} does: the secret as a QR code and as text, confirmed by a first code;
 * the ten recovery codes are shown this once. Admins are sent here first where two factors are
 * required, and may not disable them there.
 */
@Named("myTwoFactor")
@ViewScoped
public class MyTwoFactorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TwoFactors twoFactors;

    @Inject
    CurrentUser currentUser;

    @Inject
    CredentialRules rules;

    @Inject
    Labels labels;

    private String secret;
    private String qrSvg;
    private String code;
    private List<String> recoveryCodes;

    public boolean isEnrolled() {
        return twoFactors.enrolled(currentUser.username());
    }

    public long getRecoveryCodesLeft() {
        return twoFactors.recoveryCodesLeft(currentUser.username());
    }

    /** Why the person was sent here first; null when nothing is due. */
    public String getDueReason() {
        return currentUser.account().map(rules::due)
                .filter(d -> d == CredentialRules.Due.TWO_FACTOR_ENROLMENT)
                .map(d -> labels.text("account.twoFactor.due")).orElse(null);
    }

    /** Admins keep two factors where they are required. */
    public boolean isMayDisable() {
        return currentUser.account().map(a -> !rules.twoFactorRequiredFor(a)).orElse(false);
    }

    public void start() {
        TwoFactors.Enrolment enrolment = twoFactors.start(currentUser.username());
        secret = enrolment.secret();
        qrSvg = svg(enrolment.uri());
        recoveryCodes = null;
    }

    public void confirm() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            recoveryCodes = twoFactors.confirm(currentUser.username(), code);
            secret = null;
            qrSvg = null;
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("account.twoFactor.confirmed"), null));
        } catch (RuntimeException e) {
            if (!refused(e)) {
                throw e;
            }
            context.addMessage("twoFactor:code", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    labels.text("account.twoFactor.codeWrong"), null));
            context.validationFailed();
        } finally {
            code = null;
        }
    }

    public void disable() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!isMayDisable()) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    labels.text("account.twoFactor.requiredForAdmin"), null));
            return;
        }
        try {
            twoFactors.disable(currentUser.username(), code);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("account.twoFactor.disabled"), null));
        } catch (RuntimeException e) {
            if (!refused(e)) {
                throw e;
            }
            context.addMessage("twoFactor:disableCode", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    labels.text("login.codeWrong"), null));
            context.validationFailed();
        } finally {
            code = null;
        }
    }

    /** Whether the exception is (or wraps) a refusal of the request, said beside the field. */
    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
                return true;
            }
        }
        return false;
    }

    /** The URI as a QR code in SVG, drawn in the page (no image request, nothing for a policy to refuse). */
    static String svg(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"qr\" width=\"220\" height=\"220\" viewBox=\"0 0 "
                    + m.getWidth() + " " + m.getHeight() + "\" shape-rendering=\"crispEdges\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
                    + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("The QR code cannot be drawn: " + e.getMessage());
        }
    }

    public String getSecret() {
        return secret;
    }

    public String getQrSvg() {
        return qrSvg;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
