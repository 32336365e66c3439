package org.trilink.partners.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.boundary.DisputeRequest;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.MatterKind;

/**
 * The contract's referral message, however it arrives (HTTP, file row, queue): the dispute, with
 * the intake API's fields and rules, plus the partner's own id for it and the office it is for.
 */
@Schema(description = "A referral handed over by a partner (partner-exchange-v1)")
@JsonbPropertyOrder({"externalId", "channel", "occurredAt", "disputeType", "summary", "regionCode", "address",
        "amountInvolved", "peopleInvolved", "riskLevel", "targetOffice", "parties"})
public class ReferralMessage extends DisputeRequest {

    @NotBlank
    @Size(max = 64)
    public String externalId;

    @Schema(description = "office code; default: the partner's default office")
    @Size(max = 40)
    public String targetOffice;

    /** A partner's referral is always people's mediation; the receiving office is decided by the caller. */
    public IntakeCommand toCommand() {
        return command(MatterKind.PEOPLES_MEDIATION, null, null);
    }

    /** A ledger row of either kind of matter (an office's own register, not a partner's referral). */
    public IntakeCommand toCommand(MatterKind kind) {
        return command(kind, null, null);
    }
}
