package org.trilink.cases.entity;

/** A natural person (identified by resident ID) or an organisation (by unified social credit code). */
public enum PartyKind {
    PERSON, ORGANISATION
}
