package org.trilink.statistics.entity;

import java.time.LocalDate;

/**
 * What a run counts: one kind of matter, an inclusive period of local dates, and a scope.
 * The scope is the district code, a region code or an office code.
 */
public record RunParameters(String matterKind, LocalDate from, LocalDate to, String scope, ScopeKind scopeKind) {

    public boolean peoplesMediation() {
        return "PEOPLES_MEDIATION".equals(matterKind);
    }
}
