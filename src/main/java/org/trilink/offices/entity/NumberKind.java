package org.trilink.offices.entity;

/** The two official numbers an office gives, each with its own format and yearly counter. */
public enum NumberKind {
    /** 登记编号: the case's number in the office's register, given when it is accepted. */
    REGISTER,
    /** 文书编号: the number printed on the mediation agreement, given when it is first written. */
    DOCUMENT
}
