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
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.platform.validation.CodeOf;

/** A dispute to register. Codes are checked against their catalogues; every faulty field is reported. */
@Schema(description = "A dispute to register (intake, 登记)")
public class CaseIntakeRequest {

    @Schema(description = "PEOPLES_MEDIATION (default) or ADMINISTRATIVE")
    @CodeOf(MatterKind.class)
    public String matterKind;

    @Schema(description = "WALK_IN, PHONE, POLICE_110, HOTLINE_12345, COURT_REFERRAL, GRID_SCREENING, ONLINE, "
            + "CROSS_REGION, LEDGER_IMPORT")
    @NotNull
    @CodeOf(Channel.class)
    public String channel;

    @Schema(description = "PROACTIVE, APPLICATION or REFERRAL; derived from the channel when absent")
    @CodeOf(IntakeMode.class)
    public String intakeMode;

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

    @Schema(description = "the office registering the case; staff may leave it out (their own office)")
    @Size(max = 40)
    public String receivingOfficeCode;

    @PastOrPresent
    public OffsetDateTime occurredAt;

    @NotEmpty
    @Size(max = 50)
    public List<@NotNull @Valid PartyRequest> parties;

}
