package org.trilink.cases.entity;

/** How the monthly reports count a case's origin: proactive mediation after screening (主动调解), on a party's application (申请调解), on referral or commission (接受委托移送调解). */
public enum IntakeMode {
    PROACTIVE, APPLICATION, REFERRAL
}
