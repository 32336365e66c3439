package org.trilink.cases.entity;

/** A written agreement (书面协议, 调解协议书) or an oral one (口头协议). */
public enum AgreementForm {
    WRITTEN, ORAL
}
