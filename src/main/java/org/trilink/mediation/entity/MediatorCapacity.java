package org.trilink.mediation.entity;

/** In which capacity someone mediates: people's mediator (人民调解员), lawyer, police officer. */
public enum MediatorCapacity {
    PEOPLES_MEDIATOR, LAWYER, POLICE_OFFICER
}
