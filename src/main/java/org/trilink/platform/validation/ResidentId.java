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

/** An 18-character resident ID number with a valid check character; null is allowed. */
@Documented
@Constraint(validatedBy = ResidentId.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentId {
    String message() default "must be an 18-character resident ID number: a province code, a real birth date not"
            + " in the future and a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ResidentId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IdentityNumbers.isResidentId(value);
        }
    }
}
