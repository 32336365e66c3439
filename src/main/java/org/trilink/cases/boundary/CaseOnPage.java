package org.trilink.cases.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.entity.DisputeCase;

/**
 * The case the case page shows, read once per request and through {@link CaseAccess} every
 * time, so that a page left open never shows what its user may no longer see.
 */
@RequestScoped
public class CaseOnPage {

    @Inject
    CaseAccess access;

    private DisputeCase loaded;

    DisputeCase get(String caseNumber) {
        if (loaded == null || !loaded.caseNumber().equals(caseNumber)) {
            loaded = access.visible(caseNumber);
        }
        return loaded;
    }

    /** After a change, the next read comes from the database again. */
    void forget() {
        loaded = null;
    }
}
