package org.trilink.statistics.entity;

/** What a run counts: the whole district, one region (a town and its villages), or one office's cases. */
public enum ScopeKind {
    DISTRICT, REGION, OFFICE
}
