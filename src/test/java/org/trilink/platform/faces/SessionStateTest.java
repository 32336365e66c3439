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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
                        continue;
                    }
                    Class<?> type = f.getType();
                    if (f.isAnnotationPresent(Inject.class)) {
                        // a normal-scoped bean is injected as a client proxy, which Weld serializes
                        // as a reference and resolves again on the other instance
                        boolean proxied = type.isAnnotationPresent(ApplicationScoped.class)
                                || type.isAnnotationPresent(RequestScoped.class)
                                || type.isAnnotationPresent(SessionScoped.class)
                                || type.isAnnotationPresent(ViewScoped.class);
                        if (!proxied && !Serializable.class.isAssignableFrom(type)) {
                            faults.add(bean.getSimpleName() + "." + f.getName() + ": injected " + type.getSimpleName()
                                    + " is neither normal-scoped nor Serializable");
                        }
                    } else if (!type.isPrimitive() && !type.isInterface() && !Serializable.class.isAssignableFrom(type)) {
                        faults.add(bean.getSimpleName() + "." + f.getName() + ": " + type.getSimpleName()
                                + " is not Serializable");
                    }
                }
            }
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
}
