package org.trilink.platform.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON body against the Java type it is read into, before JSON-B reads it, because
 * JSON-B would silently drop an unknown field, truncate {@code 2.5} to a whole number, and pass
 * a NUL character on to the database (which refuses it). Each fault is named by its field
 * ({@code parties[0].colour}), as Bean Validation's faults are.
 */
public final class StrictJson {

    /** Whether a field the type does not have is a fault (staff API) or passed over (partner contract v1). */
    public enum UnknownFields { REFUSE, IGNORE }

    public static final String UNKNOWN = "unknown field";
    public static final String NOT_WHOLE = "must be a whole number";
    public static final String NUL = "must not contain a NUL character";

    private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();
    /** The whole-number types JSON-B would cut a fraction for, each with its range (none: unbounded). */
    private static final Map<Class<?>, BigDecimal[]> WHOLE_RANGES = Map.of(
            int.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            Integer.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            long.class, range(Long.MIN_VALUE, Long.MAX_VALUE),
            Long.class, range(Long.MIN_VALUE, Long.MAX_VALUE),
            short.class, range(Short.MIN_VALUE, Short.MAX_VALUE),
            Short.class, range(Short.MIN_VALUE, Short.MAX_VALUE),
            byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            Byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            BigInteger.class, new BigDecimal[0]);

    private StrictJson() {
    }

    /** Every fault of {@code body} read as {@code type}, in the order of the body; empty when it may be read. */
    public static List<Problem.FieldError> faults(JsonValue body, Type type, UnknownFields unknown) {
        List<Problem.FieldError> faults = new ArrayList<>();
        walk(body, type, "", unknown, faults);
        return faults;
    }

    /** The 400 that lists {@code faults}. */
    public static ProblemException refusal(List<Problem.FieldError> faults) {
        return new ProblemException(Problem.of(400, "Bad Request", "The request has invalid fields.")
                .withErrors(List.copyOf(faults)));
    }

    private static void walk(JsonValue value, Type type, String path, UnknownFields unknown,
                             List<Problem.FieldError> faults) {
        switch (value.getValueType()) {
            case STRING -> {
                if (((JsonString) value).getString().indexOf('\0') >= 0) {
                    faults.add(fault(path, NUL));
                }
            }
            case NUMBER -> wholeNumber((JsonNumber) value, rawOf(type), path, faults);
            case ARRAY -> {
                Type element = elementOf(type);
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    walk(array.get(i), element, path + "[" + i + "]", unknown, faults);
                }
            }
            case OBJECT -> object(value.asJsonObject(), type, path, unknown, faults);
            default -> {
            }
        }
    }

    private static void object(JsonObject object, Type type, String path, UnknownFields unknown,
                               List<Problem.FieldError> faults) {
        Class<?> raw = rawOf(type);
        Map<String, Type> properties = raw == null || isOpaque(raw) ? null : propertiesOf(raw);
        Type mapValues = Map.class.isAssignableFrom(raw == null ? Object.class : raw) ? typeArgument(type, 1) : null;
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String name = member.getKey();
            String field = path.isEmpty() ? printable(name) : path + "." + printable(name);
            if (name.indexOf('\0') >= 0) {
                faults.add(fault(field, NUL));
                continue;
            }
            if (properties == null) {
                walk(member.getValue(), mapValues, field, unknown, faults);
            } else if (properties.containsKey(name)) {
                walk(member.getValue(), properties.get(name), field, unknown, faults);
            } else if (unknown == UnknownFields.REFUSE) {
                faults.add(fault(field, UNKNOWN));
            } else {
                // ignored, but no NUL may pass in it either
                walk(member.getValue(), null, field, unknown, faults);
            }
        }
    }

    private static void wholeNumber(JsonNumber number, Class<?> raw, String path, List<Problem.FieldError> faults) {
        BigDecimal[] range = raw == null ? null : WHOLE_RANGES.get(raw);
        if (range == null) {
            return;
        }
        BigDecimal n = number.bigDecimalValue();
        // 2.0 is whole; 2.5 would be cut to 2 without a word. Compared as decimals: 1e999999999
        // made a BigInteger would take the server's memory.
        boolean whole = n.scale() <= 0 || n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
        if (!whole) {
            faults.add(fault(path, NOT_WHOLE));
        } else if (range.length == 2 && (n.compareTo(range[0]) < 0 || n.compareTo(range[1]) > 0)) {
            faults.add(fault(path, NOT_WHOLE + " between " + range[0] + " and " + range[1]));
        }
    }

    /** JSON-B's view of what a class can be read from: writable fields and setters, record components, creator parameters. */
    static Map<String, Type> propertiesOf(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, StrictJson::discover);
    }

    private static Map<String, Type> discover(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                properties.put(nameOf(c.getName(), c.getAccessor(), fieldOrNull(type, c.getName())), c.getGenericType());
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isPublic(m) && !Modifier.isStatic(m) && !Modifier.isTransient(m)
                        && !f.isAnnotationPresent(JsonbTransient.class) && !f.isSynthetic()) {
                    properties.putIfAbsent(nameOf(f.getName(), f), f.getGenericType());
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1 && m.getName().length() > 3
                    && m.getName().startsWith("set") && !m.isAnnotationPresent(JsonbTransient.class)) {
                String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                properties.putIfAbsent(nameOf(name, m, fieldOrNull(type, name)), m.getGenericParameterTypes()[0]);
            }
        }
        List<Executable> creators = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        creators.addAll(List.of(type.getDeclaredMethods()));
        for (Executable creator : creators) {
            if (creator.isAnnotationPresent(JsonbCreator.class)) {
                for (Parameter p : creator.getParameters()) {
                    properties.putIfAbsent(nameOf(p.getName(), p), p.getParameterizedType());
                }
            }
        }
        return Map.copyOf(properties);
    }

    private static String nameOf(String name, AnnotatedElement... places) {
        for (AnnotatedElement place : places) {
            JsonbProperty renamed = place == null ? null : place.getAnnotation(JsonbProperty.class);
            if (renamed != null && !renamed.value().isEmpty()) {
                return renamed.value();
            }
        }
        return name;
    }

    private static Field fieldOrNull(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    /** Types whose members are not properties: maps, JSON values, and the JDK's own classes. */
    private static boolean isOpaque(Class<?> raw) {
        return Map.class.isAssignableFrom(raw) || JsonValue.class.isAssignableFrom(raw) || raw == Object.class
                || raw.isInterface() || raw.getName().startsWith("java.");
    }

    private static Type elementOf(Type type) {
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        Class<?> raw = rawOf(type);
        return raw != null && Collection.class.isAssignableFrom(raw) ? typeArgument(type, 0) : null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            if (p.getRawType() == Optional.class) {
                return rawOf(p.getActualTypeArguments()[0]);
            }
            return rawOf(p.getRawType());
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return rawOf(w.getUpperBounds()[0]);
        }
        return null;
    }

    private static Problem.FieldError fault(String path, String message) {
        return new Problem.FieldError(path.isEmpty() ? "body" : path, message);
    }

    /** A field name as it may be shown back: a NUL in it written as the JSON escape. */
    private static String printable(String name) {
        return name.replace("\0", "\\u0000");
    }

    private static BigDecimal[] range(long min, long max) {
        return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
    }
}
