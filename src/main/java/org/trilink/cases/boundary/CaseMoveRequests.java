package org.trilink.cases.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.entity.AdminResolution;
import org.trilink.cases.entity.RiskLevel;
import org.trilink.platform.validation.CodeOf;

/** Bodies of the moves on a case. Classes with public fields: Payara's OpenAPI reader needs that. */
public final class CaseMoveRequests {

    private CaseMoveRequests() {
    }

    @Schema(name = "MoveNote", description = "An optional note kept in the case's history")
    public static class Note {
        @Size(max = 1000)
        public String note;
    }

    @Schema(name = "DeclineRequest", description = "不予受理: the reason and the guidance given to the parties")
    public static class Decline {
        @NotBlank
        @Size(max = 1000)
        public String reason;

        @Schema(description = "e.g. 'already in litigation: follow the court case', 'criminal matter: reported to police'")
        @NotBlank
        @Size(max = 1000)
        public String guidance;
    }

    @Schema(name = "InviteOfficeRequest", description = "An office to join the case for joint mediation (联合调解)")
    public static class Invite {
        @NotBlank
        @Size(max = 40)
        public String officeCode;

        @Size(max = 1000)
        public String note;
    }

    @Schema(name = "RiskChangeRequest", description = "A new risk level and why")
    public static class Risk {
        @NotNull
        @CodeOf(RiskLevel.class)
        public String level;

        @NotBlank
        @Size(max = 1000)
        public String reason;
    }

    @Schema(name = "AdministrativeDecisionRequest", description = "How a filed administrative matter ended")
    public static class Decide {
        @Schema(description = "MEDIATED, WITHDRAWN, UPHELD or CORRECTED")
        @NotNull
        @CodeOf(AdminResolution.class)
        public String resolution;

        @Size(max = 1000)
        public String note;
    }

    @Schema(name = "PartyCorrection", description = "The party's particulars as they should read; role and kind stay as registered")
    public static class PartyCorrection extends PartyRequest {
        @Schema(description = "why, e.g. 'phone number changed'; kept in the case's history")
        @Size(max = 1000)
        public String reason;
    }
}
