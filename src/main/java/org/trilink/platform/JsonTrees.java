package org.trilink.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads JSON text into a tree with one reader factory made once. {@code Json.createReader} looks
 * the JSON provider up with a ServiceLoader on every call, which in Payara searched the server's
 * jars for its service file each time: a tenth of an intake's CPU when the strict body check did it
 * twice a request (docs/benchmarks.md, intake). Throws {@link jakarta.json.JsonException} (a
 * {@code JsonParsingException} for bad text) as {@code Json.createReader} does.
 */
public final class JsonTrees {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonTrees() {
    }

    public static JsonValue value(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    public static JsonObject object(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
