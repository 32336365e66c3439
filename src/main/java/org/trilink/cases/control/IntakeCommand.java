package org.trilink.cases.control;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.IntakeMode;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;

/** A dispute to register, already checked for form; the rules that need the database come in CaseIntake. */
public record IntakeCommand(MatterKind matterKind, Channel channel, IntakeMode intakeMode, DisputeType disputeType,
                            String summary, String regionCode, String address, BigDecimal amountInvolved,
                            int peopleInvolved, RiskLevel riskLevel, String receivingOfficeCode,
                            OffsetDateTime occurredAt, List<PartyData> parties) {

    public record PartyData(PartyRole role, PartyKind kind, String name, String idNumber, String creditCode,
                            String phone, String address) {
    }

    /** How the reports count the case's origin, when the caller does not say. */
    public static IntakeMode modeFor(Channel channel) {
        return switch (channel) {
            case GRID_SCREENING -> IntakeMode.PROACTIVE;
            case POLICE_110, HOTLINE_12345, COURT_REFERRAL, CROSS_REGION -> IntakeMode.REFERRAL;
            case WALK_IN, PHONE, ONLINE, LEDGER_IMPORT -> IntakeMode.APPLICATION;
        };
    }
}
