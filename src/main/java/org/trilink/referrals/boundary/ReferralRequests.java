package org.trilink.referrals.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the referral moves. */
public final class ReferralRequests {

    private ReferralRequests() {
    }

    @Schema(name = "ReferRequest", description = "Send the case to another office")
    public static class Refer {
        @Schema(description = "the receiving office, e.g. JO-ZHAOXIANG, LF-MINGLI, COURT-310118, YRD-JOINT")
        @NotBlank
        @Size(max = 40)
        public String toOfficeCode;

        @NotBlank
        @Size(max = 1000)
        public String reason;

        @Schema(description = "optional earlier deadline for an urgent referral; never later than the receiving "
                + "office's default (its own setting, else its office type's, else one working day), never past")
        public OffsetDateTime deadline;
    }

    @Schema(name = "ReferralRejectRequest")
    public static class Reject {
        @NotBlank
        @Size(max = 1000)
        public String reason;
    }

    @Schema(name = "ReferralRecallRequest")
    public static class Recall {
        @Size(max = 1000)
        public String reason;
    }

    @Schema(name = "DeadlineSettingsRequest", description = "An office's own deadlines; null returns to the default")
    public static class Deadlines {
        @Schema(description = "hours (working time) a referral to this office may wait for a decision")
        @Min(1)
        @Max(720)
        public Integer referralDeadlineHours;

        @Schema(description = "days after an outcome that its follow-up visit is due")
        @Min(1)
        @Max(365)
        public Integer followUpDays;
    }
}
