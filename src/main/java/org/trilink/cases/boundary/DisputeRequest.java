package org.trilink.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.control.IntakeCommand;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.platform.validation.CodeOf;

/**
 * A dispute as every channel describes it: the fields and rules that the intake API's body and a
 * partner's referral message (HTTP, file row, queue) share, so that one set of rules checks both.
 * Codes stay strings so that every faulty field is reported together. Public fields, not record
 * components: Payara's OpenAPI generator fails on validated record components.
 */
public abstract class DisputeRequest {

    @Schema(description = "WALK_IN, PHONE, POLICE_110, HOTLINE_12345, COURT_REFERRAL, GRID_SCREENING, ONLINE, "
            + "CROSS_REGION, LEDGER_IMPORT")
    @NotNull
    @CodeOf(Channel.class)
    public String channel;

    @PastOrPresent
    public OffsetDateTime occurredAt;

    @Schema(description = "one of the 15 dispute type codes")
    @NotNull
    @CodeOf(DisputeType.class)
    public String disputeType;

    @NotBlank
    @Size(max = 4000)
    public String summary;

    @Schema(description = "a region code from GET /api/v1/regions")
    @NotBlank
    @Size(max = 12)
    public String regionCode;

    @Size(max = 300)
    public String address;

    @DecimalMin("0.00")
    @DecimalMax("9999999999.99")
    @Digits(integer = 10, fraction = 2)
    public BigDecimal amountInvolved;

    @NotNull
    @Min(1)
    @Max(100000)
    public Integer peopleInvolved;

    @Schema(description = "LOW (default), MEDIUM or HIGH")
    @CodeOf(RiskLevel.class)
    public String riskLevel;

    @NotEmpty
    @Size(max = 50)
    public List<@NotNull @Valid PartyRequest> parties;

    /** The intake command of a validated request; the channel's own fields complete it. */
    protected IntakeCommand command(MatterKind matterKind, IntakeMode intakeMode, String receivingOfficeCode) {
        return new IntakeCommand(matterKind, Channel.valueOf(channel), intakeMode, DisputeType.valueOf(disputeType),
                summary, regionCode, address, amountInvolved, peopleInvolved,
                riskLevel == null ? RiskLevel.LOW : RiskLevel.valueOf(riskLevel), receivingOfficeCode, occurredAt,
                parties.stream().map(p -> new IntakeCommand.PartyData(PartyRole.valueOf(p.role),
                        PartyKind.valueOf(p.kind), p.name, blankToNull(p.idNumber), blankToNull(p.creditCode),
                        blankToNull(p.phone), blankToNull(p.address))).toList());
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
