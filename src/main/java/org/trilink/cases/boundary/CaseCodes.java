package org.trilink.cases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.MatterKind;
import org.trilink.cases.entity.PartyKind;
import org.trilink.cases.entity.PartyRole;
import org.trilink.cases.entity.RiskLevel;

/** The case catalogues the portal's menus offer; their names come from the bundles. */
@Named("codes")
@ApplicationScoped
public class CaseCodes {

    public List<CaseStatus> getStatuses() {
        return List.of(CaseStatus.values());
    }

    public List<DisputeType> getDisputeTypes() {
        return List.of(DisputeType.values());
    }

    public List<Channel> getChannels() {
        return List.of(Channel.values());
    }

    public List<RiskLevel> getRiskLevels() {
        return List.of(RiskLevel.values());
    }

    public List<MatterKind> getMatterKinds() {
        return List.of(MatterKind.values());
    }

    public List<PartyRole> getPartyRoles() {
        return List.of(PartyRole.values());
    }

    public List<PartyKind> getPartyKinds() {
        return List.of(PartyKind.values());
    }
}
