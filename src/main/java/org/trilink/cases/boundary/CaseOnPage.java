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
    private final java.util.Map<String, Object> memo = new java.util.HashMap<>();

    DisputeCase get(String caseNumber) {
        if (loaded == null || !loaded.caseNumber().equals(caseNumber)) {
            loaded = access.visible(caseNumber);
        }
        return loaded;
    }

    /** After a change, the next read comes from the database again. */
    public void forget() {
        loaded = null;
        memo.clear();
    }

    /**
     * What the page reads about the case, read once per request: components such as a data
     * table ask for their value several times while rendering.
     */
    @SuppressWarnings("unchecked")
    <T> T memo(String what, java.util.function.Supplier<T> read) {
        if (!memo.containsKey(what)) {
            memo.put(what, read.get());
        }
        return (T) memo.get(what);
    }
}
