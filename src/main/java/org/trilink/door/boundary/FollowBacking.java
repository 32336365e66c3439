package org.trilink.door.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.trilink.door.control.DoorSettings;
import org.trilink.door.control.PartyCases;
import org.trilink.door.control.PartyPass;
import org.trilink.door.control.PartyPasses;
import org.trilink.door.control.PartySignatures;
import org.trilink.door.control.PartyRatings;
import org.trilink.door.control.PublicCodes;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.ClientAddress;

/**
 * The follow page (查询案件): consent, case number and phone, a code; then where the case stands in
 * plain words, the next session, the papers, the other parties masked, the party's own data with a
 * correction form. A party who just applied arrives verified (the session's pass).
 */
@Named("follow")
@ViewScoped
public class FollowBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PublicCodes codes;

    @Inject
    PartyPasses passes;

    @Inject
    PartyCases cases;

    @Inject
    PartySignatures signatures;

    @Inject
    PartyRatings ratings;

    @Inject
    PartySession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Labels labels;

    private boolean consent;
    private String caseNumber;
    private String phone;
    private String challenge;
    private String code;
    private PartyCases.Standing standing;
    private PartyCases.OwnData ownData;
    private boolean agreementToSign;
    private PartyRatings.Rating rating;
    private String newName;
    private String newIdNumber;
    private String newPhone;
    private String newAddress;
    private String note;

    /** On opening: a party holding a pass for a case sees it at once (each view recorded). */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback() || session.pass() == null || !session.pass().forCase()) {
            return;
        }
        show(session.pass());
    }

    public void sendCode() {
        if (!consent) {
            FacesContext.getCurrentInstance().addMessage(null, DoorPage.error(labels.text("door.consentRequired")));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            challenge = codes.request(new PublicCodes.CodeRequest(PartyPass.Purpose.FOLLOW, phone, null, caseNumber,
                    consent, DoorSettings.NOTICE_VERSION, DoorPage.locale(labels)), DoorPage.address(clientAddress))
                    .challenge();
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("door.codeSentIfParty"), null));
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "follow");
        }
    }

    public void verify() {
        if (challenge == null) {
            return;
        }
        try {
            PartyPass pass = codes.verify(challenge, code, DoorPage.address(clientAddress));
            session.hold(pass);
            show(pass);
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "follow");
        }
    }

    private void show(PartyPass held) {
        try {
            PartyPass pass = passes.valid(held.token());
            standing = cases.standing(pass, DoorPage.address(clientAddress));
            agreementToSign = signatures.awaitsSignature(pass);
            rating = ratings.of(pass);
            ownData = null;
        } catch (ProblemException refused) {
            session.leave();
            standing = null;
            DoorPage.show(refused, labels, "follow");
        }
    }

    public void showPersonalData() {
        try {
            ownData = cases.personalData(passes.valid(token()), DoorPage.address(clientAddress));
            newName = ownData.name();
            newIdNumber = ownData.idNumber();
            newPhone = ownData.phone();
            newAddress = ownData.address();
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "follow");
        }
    }

    public void requestCorrection() {
        try {
            long id = cases.requestCorrection(passes.valid(token()), new PartyCases.Proposed(newName, newIdNumber,
                    newPhone, newAddress, note), DoorPage.address(clientAddress));
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("door.correctionFiled", String.valueOf(id)), null));
            ownData = null;
            note = null;
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "follow");
        }
    }

    /**
     * A paper listed for the party, as PDF for p:fileDownload (the download is recorded in the
     * case's history); null, with a message, when the pass has ended or the paper is not the party's.
     */
    public org.primefaces.model.StreamedContent paper(long id) {
        try {
            PartyCases.PaperFile paper = cases.paper(passes.valid(token()), id, DoorPage.address(clientAddress));
            byte[] content = paper.content();
            return org.primefaces.model.DefaultStreamedContent.builder().name(paper.fileName())
                    .contentType("application/pdf").contentLength((long) content.length)
                    .stream(() -> new java.io.ByteArrayInputStream(content)).build();
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "follow");
            return null;
        }
    }

    /** Whether this party may rate now (after the follow-up visit, not yet rated): the rate button. */
    public boolean isMayRate() {
        return rating != null && rating.mayRate();
    }

    /** "已评价 N 星" once this party rated; null before. */
    public String getRatedWords() {
        return rating == null || !rating.rated() ? null : labels.text("door.ratedStars", String.valueOf(rating.score()));
    }

    public void leave() {
        passes.end(token());
        session.leave();
        standing = null;
        ownData = null;
        rating = null;
        challenge = null;
        code = null;
    }

    private String token() {
        return session.pass() == null ? null : session.pass().token();
    }

    /** The status in plain words for a party. */
    public String getStatusWords() {
        String key = standing == null ? null : "door.status." + standing.status();
        return key == null ? null : labels.text(key);
    }

    public String getOfficeName() {
        return standing == null ? null : standing.handlingOfficeCode();
    }

    public boolean isCodeSent() {
        return challenge != null;
    }

    public PartyCases.Standing getStanding() {
        return standing;
    }

    /** Whether the case's agreement waits for this party's signature (the sign button). */
    public boolean isAgreementToSign() {
        return agreementToSign;
    }

    public PartyCases.OwnData getOwnData() {
        return ownData;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewIdNumber() {
        return newIdNumber;
    }

    public void setNewIdNumber(String newIdNumber) {
        this.newIdNumber = newIdNumber;
    }

    public String getNewPhone() {
        return newPhone;
    }

    public void setNewPhone(String newPhone) {
        this.newPhone = newPhone;
    }

    public String getNewAddress() {
        return newAddress;
    }

    public void setNewAddress(String newAddress) {
        this.newAddress = newAddress;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
