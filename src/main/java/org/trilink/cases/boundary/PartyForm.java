package org.trilink.cases.boundary;

import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.platform.validation.CreditCode;
import org.trilink.platform.validation.Mobile;
import org.trilink.platform.validation.ResidentId;

/**
 * One party on the intake form. The same platform constraints as the API's {@link PartyRequest}
 * check the fields, with messages from the portal's bundles, so a wrong check digit is shown
 * beside the field it is in.
 */
public class PartyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private PartyRole role = PartyRole.APPLICANT;
    private PartyKind kind = PartyKind.PERSON;

    @Size(max = 200, message = "{trilink.size.200}")
    private String name;

    @ResidentId(message = "{trilink.residentId}")
    private String idNumber;

    @CreditCode(message = "{trilink.creditCode}")
    private String creditCode;

    @Mobile(message = "{trilink.mobile}")
    private String phone;

    @Size(max = 300, message = "{trilink.size.300}")
    private String address;

    public PartyForm() {
    }

    PartyForm(PartyRole role) {
        this.role = role;
    }

    IntakeCommand.PartyData toData() {
        return new IntakeCommand.PartyData(role, kind, name, kind == PartyKind.PERSON ? idNumber : null,
                kind == PartyKind.ORGANISATION ? creditCode : null, phone, address);
    }

    public PartyRole getRole() {
        return role;
    }

    public void setRole(PartyRole role) {
        this.role = role;
    }

    public PartyKind getKind() {
        return kind;
    }

    public void setKind(PartyKind kind) {
        this.kind = kind;
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
        this.idNumber = idNumber == null ? null : idNumber.strip().toUpperCase();
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode == null ? null : creditCode.strip().toUpperCase();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null ? null : phone.strip();
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
