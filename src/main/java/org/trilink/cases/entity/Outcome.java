package org.trilink.cases.entity;

/** How mediation ended: success with an agreement, failure, or withdrawal. */
public enum Outcome {
    SUCCESS, FAILURE, WITHDRAWN
}
