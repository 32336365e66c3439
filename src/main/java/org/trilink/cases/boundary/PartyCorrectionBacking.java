package org.trilink.cases.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseDecisions;
import org.trilink.cases.control.CaseLifecycle;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Move;
import org.trilink.cases.entity.Party;
import org.trilink.cases.entity.PartyKind;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;

/**
 * "Edit particulars" on the case page: the dialog that corrects one party through
 * {@link CaseDecisions#correctParty}, the move the API's {@code PUT /cases/{n}/parties/{position}}
 * makes. Offered only when the lifecycle lets the user make that move now; the dialog opens with
 * the party's full particulars, which is a view of personal data and recorded like "show" on the
 * page. The fields are checked by the same constraints as the intake form ({@link PartyForm}).
 */
@Named("partyCorrection")
@ViewScoped
public class PartyCorrectionBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String OFFERED = PartyCorrectionBacking.class.getName() + ".offered.";

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseAccess access;

    @Inject
    CaseDecisions decisions;

    @Inject
    CaseOnPage onPage;

    @Inject
    Labels labels;

    private String caseNumber;
    private long version;
    private int position;
    private PartyForm form;
    private String reason;

    /** Whether the user may correct the case's parties now (the handling office, before closure). */
    public boolean offered(DisputeCase c) {
        // asked for every row and the header while the table renders: once per request
        return (Boolean) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(OFFERED + c.caseNumber(),
                k -> lifecycle.actionsFor(c).contains(Move.CORRECT_PARTY));
    }

    /**
     * Opens the dialog for the party at {@code position} (1 = first as listed), filled with its
     * particulars as stored, remembering the version the user is looking at.
     */
    public void open(DisputeCase c, int position) {
        FacesContext context = FacesContext.getCurrentInstance();
        form = null;
        if (!offered(c) || position < 1 || position > c.parties().size()
                || !access.revealPersonalData(c, "PORTAL_PARTY_CORRECTION")) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, labels.text("action.forbidden"), null));
            context.validationFailed();
            return;
        }
        caseNumber = c.caseNumber();
        version = c.version();
        this.position = position;
        Party p = c.parties().get(position - 1);
        form = new PartyForm();
        form.setRole(p.role());
        form.setKind(p.kind());
        form.setName(p.name());
        form.setIdNumber(p.idNumber());
        form.setCreditCode(p.creditCode());
        form.setPhone(p.phone());
        form.setAddress(p.address());
        reason = null;
    }

    /**
     * Makes the correction. Done, or refused because the case changed meanwhile: the dialog
     * closes and the page, read again, says so. Any other refusal stays in the dialog.
     */
    public void save() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (form == null) {
            return;
        }
        boolean person = form.getKind() == PartyKind.PERSON;
        try {
            decisions.correctParty(caseNumber, version, position, form.getRole(), form.getKind(), form.getName(),
                    person ? blankToNull(form.getIdNumber()) : null, person ? null : blankToNull(form.getCreditCode()),
                    blankToNull(form.getPhone()), blankToNull(form.getAddress()), reason);
        } catch (ProblemException refused) {
            MoveForms.showRefusal(context, labels, refused.problem(), "partyForm");
            if (refused.problem().status() == 409) {
                done();
            }
            return;
        }
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                labels.text("action.done", labels.of(Move.CORRECT_PARTY)), null));
        done();
    }

    private void done() {
        form = null;
        onPage.forget(); // the page shows the case as it is now
        FacesContext.getCurrentInstance().getAttributes().remove(OFFERED + caseNumber);
        PrimeFaces.current().ajax().update("casePage");
        PrimeFaces.current().ajax().addCallbackParam("closed", true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public PartyForm getForm() {
        return form;
    }

    public int getPosition() {
        return position;
    }

    public boolean isPerson() {
        return form != null && form.getKind() == PartyKind.PERSON;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
