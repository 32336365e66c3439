package org.trilink.cases.boundary;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.platform.validation.CodeOf;
import org.trilink.platform.validation.CreditCode;
import org.trilink.platform.validation.Mobile;
import org.trilink.platform.validation.ResidentId;

/** A party as sent: a person with an optional resident ID, or an organisation with an optional credit code. */
public class PartyRequest {

    @NotNull
    @CodeOf(PartyRole.class)
    public String role;

    @NotNull
    @CodeOf(PartyKind.class)
    public String kind;

    @NotBlank
    @Size(max = 200)
    public String name;

    @ResidentId
    public String idNumber;

    @CreditCode
    public String creditCode;

    @Mobile
    public String phone;

    @Size(max = 300)
    public String address;

    @AssertTrue(message = "a person has no credit code and an organisation no resident ID number")
    public boolean isIdentifierFitsKind() {
        if ("PERSON".equals(kind)) {
            return creditCode == null;
        }
        if ("ORGANISATION".equals(kind)) {
            return idNumber == null;
        }
        return true;
    }
}
