package org.trilink.cases.entity;

/**
 * How an administrative matter (行政争议) ended ({@code dispute_case.admin_resolution}). The
 * report's figures: resolved before filing (立案前化解), mediated or withdrawn during the case
 * (案中调撤), and decisions upheld or corrected (纠错).
 */
public enum AdminResolution {
    RESOLVED_BEFORE_FILING, MEDIATED, WITHDRAWN, UPHELD, CORRECTED
}
