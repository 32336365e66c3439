package org.trilink.door.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.boundary.DisputeRequest;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.MatterKind;

/**
 * A party's own application: the staff intake's fields and rules ({@link DisputeRequest}), the
 * channel always ONLINE and the office the pass names. Parties name at least themselves (APPLICANT,
 * with the phone the code went to) and usually the other side (RESPONDENT).
 */
@Schema(description = "An online application (channel ONLINE): the intake's fields; the office is the pass's")
public class PublicApplication extends DisputeRequest {

    public PublicApplication() {
        channel = "ONLINE";
        peopleInvolved = 2;
    }

    IntakeCommand toCommand(String officeCode) {
        return command(MatterKind.PEOPLES_MEDIATION, null, officeCode);
    }
}
