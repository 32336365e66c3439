package org.trilink.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every JSON body of the staff API is read strictly, so the strict reader must see every field
 * JSON-B can fill: a body type of which it sees no field at all would refuse every request.
 */
class StrictBodiesEverywhereTest {

    private static final Set<Class<?>> PARAMETER_ANNOTATIONS = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, Context.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class);

    static Map<String, Type> jsonBodies() {
        Map<String, Type> bodies = new LinkedHashMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trilink")) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            for (Method m : c.reflect().getDeclaredMethods()) {
                Consumes consumes = m.getAnnotation(Consumes.class);
                if (consumes == null || !List.of(consumes.value()).contains(MediaType.APPLICATION_JSON)) {
                    continue;
                }
                for (Parameter p : m.getParameters()) {
                    boolean entity = List.of(p.getAnnotations()).stream()
                            .noneMatch(a -> PARAMETER_ANNOTATIONS.contains(a.annotationType()));
                    if (entity) {
                        bodies.put(c.getSimpleName() + "." + m.getName(), p.getParameterizedType());
                    }
                }
            }
        }
        return bodies;
    }

    @Test
    void everyJsonBodyTypeHasFieldsTheStrictReaderKnows() {
        Map<String, Type> bodies = jsonBodies();
        assertThat(bodies).hasSizeGreaterThan(30);
        bodies.forEach((door, type) -> {
            Class<?> raw = (Class<?>) type;
            assertThat(new StrictJsonBodies().isReadable(raw, type, new java.lang.annotation.Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE)).as(door).isTrue();
            assertThat(StrictJson.propertiesOf(raw)).as(door + " reads " + raw.getName()).isNotEmpty();
        });
    }
}
