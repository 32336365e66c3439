package org.trilink.cases.entity;

/** The two kinds of matter: people's mediation of civil disputes, and administrative disputes (行政争议) such as reconsideration cases. */
public enum MatterKind {
    PEOPLES_MEDIATION, ADMINISTRATIVE
}
