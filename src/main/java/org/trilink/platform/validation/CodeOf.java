package org.trilink.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A code of a fixed catalogue (an enum's constant names). Codes arrive as strings so that an
 * unknown code is reported beside every other faulty field, not as unreadable JSON.
 */
@Documented
@Constraint(validatedBy = CodeOf.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CodeOf {
    Class<? extends Enum<?>> value();

    String message() default "unknown code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CodeOf, String> {
        private Enum<?>[] allowed;

        @Override
        public void initialize(CodeOf annotation) {
            allowed = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (Enum<?> e : allowed) {
                if (e.name().equals(value)) {
                    return true;
                }
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("unknown code; one of "
                            + Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")))
                    .addConstraintViolation();
            return false;
        }
    }
}
