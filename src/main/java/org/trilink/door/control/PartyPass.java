package org.trilink.door.control;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * What a verified code opens, for a while: the phone (as its hash) and, once known, the case and
 * the party at {@code position} (1 = first listed) that phone belongs to. APPLY passes name the
 * office applied to and gain their case when the application is made. Serializable: the portal
 * keeps it in the web session, which a cluster shares.
 */
public record PartyPass(String token, Purpose purpose, String phoneHash, Long caseId, Integer position,
                        String officeCode, OffsetDateTime expiresAt) implements Serializable {

    /** Why the code was asked for. */
    public enum Purpose {
        /** apply online to an office */
        APPLY,
        /** follow a case one is party to */
        FOLLOW,
        /** confirm one's signature on the case's agreement (a fresh code, asked as for FOLLOW) */
        SIGN;

        /** Whether a code for this purpose is asked with a case number and opens that case. */
        public boolean forCase() {
            return this != APPLY;
        }
    }

    public boolean forCase() {
        return caseId != null && position != null;
    }

    @Override
    public String toString() {
        return "PartyPass[" + purpose + ", case " + caseId + ", party " + position + "]"; // never the token
    }
}
