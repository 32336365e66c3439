package org.trilink.mediation.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.Averted;
import org.trilink.cases.entity.Outcome;
import org.trilink.mediation.entity.FailureGuidance;
import org.trilink.mediation.entity.FollowUpMethod;
import org.trilink.mediation.entity.MediatorCapacity;
import org.trilink.mediation.entity.Performance;
import org.trilink.platform.validation.CodeOf;

/** Bodies of the mediation moves. */
public final class MediationRequests {

    private MediationRequests() {
    }

    @Schema(name = "MediatorRequest", description = "A person of an office taking part in the case, and in which capacity")
    public static class Mediator {
        @NotBlank
        @Size(max = 64)
        public String username;

        @Schema(description = "PEOPLES_MEDIATOR, LAWYER or POLICE_OFFICER")
        @NotNull
        @CodeOf(MediatorCapacity.class)
        public String capacity;
    }

    @Schema(name = "SessionRequest", description = "A mediation session to schedule")
    public static class Session {
        @NotNull
        public OffsetDateTime scheduledAt;

        @NotBlank
        @Size(max = 300)
        public String place;

        @Schema(description = "who is invited, free text (no ID numbers)")
        @Size(max = 1000)
        public String participants;
    }

    @Schema(name = "SessionRescheduleRequest")
    public static class Reschedule {
        @NotNull
        public OffsetDateTime scheduledAt;

        @Size(max = 300)
        public String place;

        @Size(max = 1000)
        public String participants;

        @Size(max = 1000)
        public String reason;
    }

    @Schema(name = "SessionCancelRequest")
    public static class Cancel {
        @NotBlank
        @Size(max = 1000)
        public String reason;
    }

    @Schema(name = "SessionRecordRequest", description = "What happened in a session: notes (调解笔录) and attendance")
    public static class Held {
        @Schema(description = "when it took place; default: its scheduled time (or now, if that is still ahead)")
        public OffsetDateTime heldAt;

        @NotBlank
        @Size(max = 8000)
        public String notes;

        @Size(max = 1000)
        public String attendance;
    }

    @Schema(name = "OutcomeRequest", description = "SUCCESS (agreementForm and terms required), FAILURE (reason and "
            + "guidance required) or WITHDRAWN")
    public static class OutcomeBody {
        @NotNull
        @CodeOf(Outcome.class)
        public String result;

        @Schema(description = "WRITTEN (调解协议书) or ORAL")
        @CodeOf(AgreementForm.class)
        public String agreementForm;

        @Size(max = 4000)
        public String terms;

        @DecimalMin("0.00")
        @DecimalMax("9999999999.99")
        @Digits(integer = 10, fraction = 2)
        public BigDecimal amount;

        public LocalDate performanceDeadline;

        @Size(max = 1000)
        public String reason;

        @Schema(description = "LITIGATION, ARBITRATION or ADMINISTRATIVE")
        @CodeOf(FailureGuidance.class)
        public String guidance;

        @Schema(description = "the dispute was kept from turning into a criminal case (防止民间纠纷转化为刑事案件, 防止民转刑)")
        public Boolean criminalCaseAverted;

        @Schema(description = "the people kept from a criminal case (防止民转刑人数), a whole number from 1 to 100000;"
                + " only with criminalCaseAverted: true (else 400). Optional for compatibility with clients written"
                + " before it: a flag without it is recorded without a count, and statistics then count the case's"
                + " peopleInvolved. The portal requires it.", minimum = "1", maximum = "100000")
        @Min(1)
        @Max(Averted.MOST_PEOPLE)
        public Integer criminalCaseAvertedPeople;

        @Schema(description = "the dispute was kept from turning into a mass petition (防止群体性上访)")
        public Boolean massPetitionAverted;

        @Schema(description = "the people kept from a mass petition (防止群体性上访人数), a whole number from 1 to 100000;"
                + " only with massPetitionAverted: true (else 400). Optional like criminalCaseAvertedPeople.",
                minimum = "1", maximum = "100000")
        @Min(1)
        @Max(Averted.MOST_PEOPLE)
        public Integer massPetitionAvertedPeople;

        /** The flags and counts as given; FollowUps refuses a count without its flag. */
        public Averted averted() {
            return new Averted(Boolean.TRUE.equals(criminalCaseAverted), criminalCaseAvertedPeople,
                    Boolean.TRUE.equals(massPetitionAverted), massPetitionAvertedPeople);
        }
    }

    @Schema(name = "FollowUpRequest", description = "A follow-up visit or call (回访)")
    public static class FollowUp {
        @Schema(description = "default: now")
        public OffsetDateTime visitedAt;

        @NotNull
        @CodeOf(FollowUpMethod.class)
        public String method;

        @Schema(description = "PERFORMED, PARTLY or NOT_PERFORMED")
        @NotNull
        @CodeOf(Performance.class)
        public String performance;

        @NotNull
        @Min(1)
        @Max(5)
        public Integer satisfaction;

        @Size(max = 4000)
        public String notes;
    }
}
