package org.trilink.platform.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import org.trilink.platform.JsonTrees;

/**
 * Writes a problem as JSON by hand, so that the extension members sit at the top level as
 * RFC 9457 wants, and so that an error while answering an error can not happen.
 */
final class ProblemJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProblemJson() {
    }

    static String write(Problem p) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("type", p.type())
                .add("title", p.title())
                .add("status", p.status());
        if (p.detail() != null) {
            o.add("detail", p.detail());
        }
        if (p.instance() != null) {
            o.add("instance", p.instance());
        }
        if (p.errors() != null) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            p.errors().forEach(e -> a.add(Json.createObjectBuilder()
                    .add("field", e.field()).add("message", e.message())));
            o.add("errors", a);
        }
        if (p.extensions() != null) {
            for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
                String json = JSONB.toJson(e.getValue());
                o.add(e.getKey(), JsonTrees.value(json));
            }
        }
        return o.build().toString();
    }
}
