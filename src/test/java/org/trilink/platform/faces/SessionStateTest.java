package org.trilink.platform.faces;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application is {@code <distributable/>}: the HTTP session, with the Faces views and every
 * view- or session-scoped bean in it, is copied to the other instances of the cluster. A field
 * that cannot be serialized would break that copy only when a person's session is replicated,
 * so every such bean in the build is checked here.
 */
class SessionStateTest {

    /** Every compiled class of the application that lives in a view, session or conversation. */
    static List<Class<?>> sessionBeans() throws IOException {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c;
                try {
                    c = Class.forName(name, false, SessionStateTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)
                        || c.isAnnotationPresent(ConversationScoped.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    @Test
    void theBeansThatLiveInASessionAreFound() throws IOException {
        assertThat(sessionBeans()).extracting(Class::getSimpleName)
                .contains("CaseIntakeBacking", "CaseListBacking", "CasePageBacking", "ReferralInboxBacking",
                        "CaseActionsBacking");
    }

    @Test
    void everySessionBeanAndItsFieldsCanBeCopiedToAnotherInstance() throws Exception {
        List<String> faults = new ArrayList<>();
        for (Class<?> bean : sessionBeans()) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                faults.add(bean.getSimpleName() + " is not Serializable");
                continue;
            }
            fieldsOf(bean, bean.getSimpleName(), faults, new HashSet<>());
            // and the bean as a page leaves it (collections and nested models included) really serializes
            Object instance = bean.getDeclaredConstructor().newInstance();
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(instance);
            } catch (IOException e) {
                faults.add(bean.getSimpleName() + " does not serialize: " + e);
            }
        }
        assertThat(faults).isEmpty();
    }

    /**
     * The fields a copy of the session carries, followed into the application's own classes: a
     * field's type and its type arguments (the rows of a {@code List<Row>}, of a PrimeFaces
     * {@code LazyDataModel<Row>}) must be Serializable, as a filled-in page holds them
     * (the case list's data model keeps the CaseFilter it counted for, and the statistics
     * drill-down a page of CaseLine rows: neither was Serializable, which "Cannot serialize
     * session attribute activeViewMaps" reported, and a bean constructed empty holds neither).
     */
    private static void fieldsOf(Class<?> type, String path, List<String> faults, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        typeArguments(type.getGenericSuperclass(), path + " (rows)", faults, seen);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                Class<?> t = f.getType();
                String where = path + "." + f.getName();
                if (f.isAnnotationPresent(Inject.class)) {
                    // a normal-scoped bean is injected as a client proxy, which Weld serializes
                    // as a reference and resolves again on the other instance
                    boolean proxied = t.isAnnotationPresent(ApplicationScoped.class)
                            || t.isAnnotationPresent(RequestScoped.class)
                            || t.isAnnotationPresent(SessionScoped.class)
                            || t.isAnnotationPresent(ViewScoped.class);
                    if (!proxied && !Serializable.class.isAssignableFrom(t)) {
                        faults.add(where + ": injected " + t.getSimpleName() + " is neither normal-scoped nor Serializable");
                    }
                    continue;
                }
                if (c.getName().startsWith("org.primefaces") || c.getName().startsWith("jakarta.")) {
                    // the framework's own fields (listeners, converters) are its business; its row type is ours
                    continue;
                }
                value(t, where, faults, seen);
                typeArguments(f.getGenericType(), where, faults, seen);
            }
        }
    }

    private static void typeArguments(Type generic, String where, List<String> faults, Set<Class<?>> seen) {
        if (generic instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                if (arg instanceof Class<?> c) {
                    value(c, where + "<" + c.getSimpleName() + ">", faults, seen);
                } else if (arg instanceof ParameterizedType inner && inner.getRawType() instanceof Class<?> raw) {
                    value(raw, where + "<" + raw.getSimpleName() + ">", faults, seen);
                    typeArguments(inner, where, faults, seen);
                }
            }
        }
    }

    private static void value(Class<?> t, String where, List<String> faults, Set<Class<?>> seen) {
        if (t.isPrimitive() || t.isEnum()) {
            return;
        }
        boolean collection = t.isInterface() && t.getName().startsWith("java.");
        if (!collection && !Serializable.class.isAssignableFrom(t)) {
            faults.add(where + ": " + t.getName() + " is not Serializable");
        }
        if (t.getName().startsWith("org.trilink")) {
            fieldsOf(t, where, faults, seen);
        }
    }
}
