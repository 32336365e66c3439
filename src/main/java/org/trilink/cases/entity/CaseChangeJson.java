package org.trilink.cases.entity;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * A typed change as the JSON stored in {@code case_event.detail}, and back. One JSON-B instance
 * for the application: building one costs far more than using it.
 */
public final class CaseChangeJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private CaseChangeJson() {
    }

    public static String write(CaseChange change) {
        return JSONB.toJson(change);
    }

    /**
     * The change stored as {@code json} under {@code type}.
     *
     * @throws IllegalArgumentException for a type no change has, or JSON that is not that change's
     */
    public static CaseChange read(String type, String json) {
        Class<? extends CaseChange> kind = CaseChange.Kind.of(type).map(CaseChange.Kind::record)
                .orElseThrow(() -> new IllegalArgumentException("no kind of change is called " + type));
        try {
            return JSONB.fromJson(json == null ? "{}" : json, kind);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("the detail of a " + type + " event is not its JSON", e);
        }
    }
}
