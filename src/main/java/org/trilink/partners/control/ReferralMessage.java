package org.trilink.partners.control;

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
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.boundary.PartyRequest;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.platform.validation.CodeOf;

/**
 * The contract's referral message, however it arrives (HTTP, file row, queue). Codes stay
 * strings so that every faulty field is reported together. A class with public fields:
 * Payara's OpenAPI generator fails on validated record components.
 */
@Schema(description = "A referral handed over by a partner (partner-exchange-v1)")
@JsonbPropertyOrder({"externalId", "channel", "occurredAt", "disputeType", "summary", "regionCode", "address",
        "amountInvolved", "peopleInvolved", "riskLevel", "targetOffice", "parties"})
public class ReferralMessage {

    @NotBlank
    @Size(max = 64)
    public String externalId;

    @NotNull
    @CodeOf(Channel.class)
    public String channel;

    @PastOrPresent
    public OffsetDateTime occurredAt;

    @NotNull
    @CodeOf(DisputeType.class)
    public String disputeType;

    @NotBlank
    @Size(max = 4000)
    public String summary;

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

    @Schema(description = "office code; default: the partner's default office")
    @Size(max = 40)
    public String targetOffice;

    @NotEmpty
    @Size(max = 50)
    public List<@NotNull @Valid PartyRequest> parties;
}
