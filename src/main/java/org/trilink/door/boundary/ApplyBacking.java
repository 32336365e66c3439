package org.trilink.door.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.trilink.cases.boundary.PartyRequest;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.PartyKind;
import org.trilink.door.control.DoorOffices;
import org.trilink.door.control.DoorSettings;
import org.trilink.door.control.PartyCases;
import org.trilink.door.control.PartyPass;
import org.trilink.door.control.PartyPasses;
import org.trilink.door.control.PublicCodes;
import org.trilink.platform.Configured;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.ClientAddress;

/**
 * The apply page (申请调解), in four steps on one phone screen: the privacy notice and consent; the
 * town (or the office a poster's QR code named) and the phone, proven by a code; the dispute and
 * the other party; done, with the case number. The application goes through the public API's
 * control, so the intake's rules are the staff intake's.
 */
@Named("apply")
@ViewScoped
public class ApplyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Step { NOTICE, PHONE, DISPUTE, DONE }

    @Inject
    DoorOffices offices;

    @Inject
    PublicCodes codes;

    @Inject
    PartyPasses passes;

    @Inject
    PartyCases cases;

    @Inject
    PartySession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Labels labels;

    @Inject
    Configured configured;

    private Step step = Step.NOTICE;
    private String officeParam;
    private DoorOffices.Town fromPoster;
    private String officeCode;
    private boolean consent;
    private String phone;
    private String challenge;
    private String code;
    private DisputeType disputeType;
    private String summary;
    private String address;
    private LocalDate occurredOn;
    private String name;
    private String idNumber;
    private PartyKind otherKind = PartyKind.PERSON;
    private String otherName;
    private String otherPhone;
    private String caseNumber;

    /** Reads ?office=CODE (a poster's QR code): that office takes the application. */
    public void load() {
        if (officeParam != null && !officeParam.isBlank()) {
            fromPoster = offices.office(officeParam.strip()).orElse(null);
            if (fromPoster != null) {
                officeCode = fromPoster.officeCode();
            }
        }
    }

    public List<DoorOffices.Town> getTowns() {
        return offices.towns();
    }

    public String getNoticeVersion() {
        return DoorSettings.NOTICE_VERSION;
    }

    public void agree() {
        if (!consent) {
            FacesContext.getCurrentInstance().addMessage(null, DoorPage.error(labels.text("door.consentRequired")));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        step = Step.PHONE;
    }

    public void sendCode() {
        try {
            challenge = codes.request(new PublicCodes.CodeRequest(PartyPass.Purpose.APPLY, phone, officeCode, null,
                    consent, DoorSettings.NOTICE_VERSION, DoorPage.locale(labels)), DoorPage.address(clientAddress))
                    .challenge();
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text("door.codeSent"), null));
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "apply");
        }
    }

    public void verify() {
        if (challenge == null) {
            return;
        }
        try {
            session.hold(codes.verify(challenge, code, DoorPage.address(clientAddress)));
            step = Step.DISPUTE;
            if (fromPoster == null) {
                fromPoster = offices.office(officeCode).orElse(null);
            }
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "apply");
        }
    }

    public void submit() {
        try {
            PartyPass pass = passes.valid(session.pass() == null ? null : session.pass().token());
            PublicApplication a = new PublicApplication();
            a.disputeType = disputeType == null ? null : disputeType.name();
            a.summary = summary;
            a.regionCode = fromPoster == null ? null : fromPoster.regionCode();
            a.address = address;
            a.occurredAt = occurredOn == null ? null : occurredOn.atStartOfDay(configured.zone()).toOffsetDateTime();
            PartyRequest me = new PartyRequest();
            me.role = "APPLICANT";
            me.kind = "PERSON";
            me.name = name;
            me.idNumber = blankToNull(idNumber);
            me.phone = phone;
            PartyRequest other = new PartyRequest();
            other.role = "RESPONDENT";
            other.kind = otherKind.name();
            other.name = otherName;
            other.phone = blankToNull(otherPhone);
            a.parties = otherName == null || otherName.isBlank() ? List.of(me) : List.of(me, other);
            // the API's checks (DisputeRequest's constraints), then the intake's own in the control
            var violations = jakarta.enterprise.inject.spi.CDI.current().select(jakarta.validation.Validator.class).get()
                    .validate(a);
            if (!violations.isEmpty()) {
                FacesContext context = FacesContext.getCurrentInstance();
                violations.stream().map(v -> v.getPropertyPath().toString()).distinct().sorted().forEach(field -> {
                    String key = "door.problem." + field.replaceAll("\\[\\d+\\]", "");
                    String text = labels.text(key);
                    context.addMessage(null, DoorPage.error(text.equals(key) ? field : text));
                });
                context.validationFailed();
                return;
            }
            PartyCases.Applied applied = cases.apply(pass, a.toCommand(pass.officeCode()), DoorPage.address(clientAddress));
            session.hold(applied.pass());
            caseNumber = applied.caseNumber();
            step = Step.DONE;
        } catch (ProblemException refused) {
            DoorPage.show(refused, labels, "apply");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isSaving() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().containsKey("apply:submit");
    }

    public String getOfficeName() {
        DoorOffices.Town t = fromPoster;
        if (t == null) {
            return null;
        }
        return "en".equals(DoorPage.locale(labels)) ? t.officeNameEn() : t.officeNameZh();
    }

    public Step getStep() {
        return step;
    }

    public DoorOffices.Town getFromPoster() {
        return fromPoster;
    }

    public String getOfficeParam() {
        return officeParam;
    }

    public void setOfficeParam(String officeParam) {
        this.officeParam = officeParam;
    }

    public String getOfficeCode() {
        return officeCode;
    }

    public void setOfficeCode(String officeCode) {
        this.officeCode = officeCode;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isCodeSent() {
        return challenge != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public DisputeType getDisputeType() {
        return disputeType;
    }

    public void setDisputeType(DisputeType disputeType) {
        this.disputeType = disputeType;
    }

    public List<DisputeType> getDisputeTypes() {
        return List.of(DisputeType.values());
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(LocalDate occurredOn) {
        this.occurredOn = occurredOn;
    }

    public LocalDate getToday() {
        return LocalDate.now(configured.zone());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public PartyKind getOtherKind() {
        return otherKind;
    }

    public void setOtherKind(PartyKind otherKind) {
        this.otherKind = otherKind;
    }

    public List<PartyKind> getPartyKinds() {
        return List.of(PartyKind.values());
    }

    public String getOtherName() {
        return otherName;
    }

    public void setOtherName(String otherName) {
        this.otherName = otherName;
    }

    public String getOtherPhone() {
        return otherPhone;
    }

    public void setOtherPhone(String otherPhone) {
        this.otherPhone = otherPhone;
    }

    public String getCaseNumber() {
        return caseNumber;
    }
}
