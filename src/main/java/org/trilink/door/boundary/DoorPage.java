package org.trilink.door.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.trilink.door.control.PartyPass;
import org.trilink.door.control.PartyPasses;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.ClientAddress;

/** What the door's pages share: the client's address, and a refusal said in the page's words. */
final class DoorPage {

    private DoorPage() {
    }

    /**
     * The session's pass if the database still honours it and it names a case; else null, and a
     * pass no longer honoured is forgotten by the session (the pages of a case send the party to
     * the follow page then).
     */
    static PartyPass casePass(PartySession session, PartyPasses passes) {
        PartyPass held = session.pass();
        if (held == null || !held.forCase()) {
            return null;
        }
        try {
            PartyPass pass = passes.valid(held.token());
            return pass.forCase() ? pass : null;
        } catch (ProblemException expired) {
            session.leave();
            return null;
        }
    }

    static String address(ClientAddress clientAddress) {
        return clientAddress.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    static String locale(Labels labels) {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage().equals("en") ? "en" : "zh-CN";
    }

    /** A refusal as a message: the door's own problems by their type, field errors by field. */
    static void show(ProblemException refused, Labels labels, String formId) {
        FacesContext context = FacesContext.getCurrentInstance();
        Problem p = refused.problem();
        String key = switch (p.type() == null ? "" : p.type()) {
            case "urn:trilink:problem:too-many-codes" -> "door.error.tooMany";
            case "urn:trilink:problem:code-wrong" -> "door.error.codeWrong";
            case "urn:trilink:problem:code-expired" -> "door.error.codeExpired";
            case "urn:trilink:problem:party-pass-required" -> "door.error.passExpired";
            default -> null;
        };
        if (key != null) {
            Object left = p.extensions() == null ? null : p.extensions().get("triesLeft");
            context.addMessage(null, error(labels.text(key, left == null ? "" : left.toString())));
        } else if (p.errors() != null && !p.errors().isEmpty()) {
            for (Problem.FieldError e : p.errors()) {
                String k = "door.problem." + e.field();
                String text = labels.text(k);
                context.addMessage(null, error(text.equals(k) ? e.field() + ": " + e.message() : text));
            }
        } else {
            context.addMessage(null, error(p.status() == 503 ? labels.text("door.error.smsDown") : p.detail()));
        }
        context.validationFailed();
    }

    static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }
}
