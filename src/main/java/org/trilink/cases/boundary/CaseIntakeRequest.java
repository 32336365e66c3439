package org.trilink.cases.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.platform.validation.CodeOf;

/** A dispute to register. Codes are checked against their catalogues; every faulty field is reported. */
@Schema(description = "A dispute to register (intake, 登记)")
public class CaseIntakeRequest extends DisputeRequest {

    @Schema(description = "PEOPLES_MEDIATION (default) or ADMINISTRATIVE")
    @CodeOf(MatterKind.class)
    public String matterKind;

    @Schema(description = "PROACTIVE, APPLICATION or REFERRAL; derived from the channel when absent")
    @CodeOf(IntakeMode.class)
    public String intakeMode;

    @Schema(description = "the office registering the case; staff may leave it out (their own office)")
    @Size(max = 40)
    public String receivingOfficeCode;

    IntakeCommand toCommand() {
        return command(matterKind == null ? MatterKind.PEOPLES_MEDIATION : MatterKind.valueOf(matterKind),
                intakeMode == null ? null : IntakeMode.valueOf(intakeMode), blankToNull(receivingOfficeCode));
    }
}
