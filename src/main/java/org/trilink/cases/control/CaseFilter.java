package org.trilink.cases.control;

import java.io.Serializable;
import java.time.LocalDate;
import org.trilink.cases.entity.CaseStatus;
import org.trilink.cases.entity.Channel;
import org.trilink.cases.entity.DisputeType;
import org.trilink.cases.entity.MatterKind;

/**
 * What a case list is narrowed to; null means "any". {@code desk}: one of the desk's lists. Dates are inclusive local dates.
 * Serializable: the case list page remembers the filter it counted for, in the view, which
 * travels with the session to the other instances of a cluster.
 */
public record CaseFilter(CaseStatus status, DisputeType disputeType, Channel channel, String regionCode,
                         String officeCode, MatterKind matterKind, LocalDate acceptedFrom, LocalDate acceptedTo,
                         String text, DeskList desk) implements Serializable {

    /** Not narrowed to a list of the desk. */
    public CaseFilter(CaseStatus status, DisputeType disputeType, Channel channel, String regionCode,
                      String officeCode, MatterKind matterKind, LocalDate acceptedFrom, LocalDate acceptedTo,
                      String text) {
        this(status, disputeType, channel, regionCode, officeCode, matterKind, acceptedFrom, acceptedTo, text, null);
    }
}
