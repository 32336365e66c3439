package org.trilink.platform.problem;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trilink.platform.JsonTrees;

/**
 * Reads the JSON bodies of the staff API strictly (issue 21): an unknown field, a fraction
 * where a whole number belongs, or a NUL character is a 400 naming the field, where JSON-B
 * alone would drop, truncate or pass it on. Only request bodies at the HTTP door: the JSON that
 * the application writes and reads itself (case history, outbox, statistics) has its own
 * {@code Jsonb}, and the partner door reads bytes and applies the contract's rules itself.
 * Jersey may pick the server's JSON-B reader instead (a tie between two readers of Object), so
 * {@link StrictJsonCheck} applies the same check before whichever reader reads.
 */
@Provider
@jakarta.annotation.Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonBodies implements MessageBodyReader<Object> {

    private static final Jsonb JSONB = JsonbBuilder.create();


    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return strictFor(type, mediaType);
    }

    /** A JSON body read into an object (not bytes, text or a JSON tree, which their readers take as they are). */
    static boolean strictFor(Class<?> type, MediaType mediaType) {
        return isJson(mediaType) && !(type == String.class || type == byte[].class || type == char[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                || File.class.isAssignableFrom(type) || JsonValue.class.isAssignableFrom(type)
                || type.getName().startsWith("jakarta.activation."));
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return false;
        }
        String subtype = mediaType.getSubtype();
        return ("application".equals(mediaType.getType()) && ("json".equals(subtype) || subtype.endsWith("+json")))
                || ("text".equals(mediaType.getType()) && "json".equals(subtype));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String json = new String(entityStream.readAllBytes(), charsetOf(mediaType));
        if (json.isBlank()) {
            // as Jersey's own JSON-B reader answers a missing body: 400
            throw new NoContentException("A JSON body is required.");
        }
        return read(json, genericType == null ? type : genericType);
    }

    /** {@code json} as {@code type}, or a 400 naming every unknown field, fraction for a whole number and NUL. */
    static Object read(String json, Type type) {
        check(json, type);
        return JSONB.fromJson(json, type);
    }

    /** Nothing, or a 400 naming every unknown field, fraction for a whole number and NUL of {@code json} as {@code type}. */
    static void check(String json, Type type) {
        JsonValue tree;
        try {
            // one reader factory for the server (JsonTrees): a provider look-up per body cost a tenth of an intake
            tree = JsonTrees.value(json);
        } catch (JsonParsingException e) {
            throw malformed();
        }
        List<Problem.FieldError> faults = StrictJson.faults(tree, type, StrictJson.UnknownFields.REFUSE);
        if (!faults.isEmpty()) {
            throw StrictJson.refusal(faults);
        }
    }

    private static ProblemException malformed() {
        return new ProblemException(Problem.of(400, "Bad Request", "The body is not well-formed JSON of the expected shape.")
                .withErrors(List.of(new Problem.FieldError("body", "malformed JSON"))));
    }

    static Charset charsetOf(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
