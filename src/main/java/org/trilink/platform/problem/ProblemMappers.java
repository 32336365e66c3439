package org.trilink.platform.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every way a request can fail ends as an RFC 9457 problem, never as a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class Domain implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return e.problem().toResponse();
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return invalid(e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }

        /** {@code create.arg0.parties[0].idNumber} becomes {@code parties[0].idNumber}. */
        static String fieldOf(ConstraintViolation<?> v) {
            StringBuilder field = new StringBuilder();
            for (Path.Node node : v.getPropertyPath()) {
                switch (node.getKind()) {
                    case METHOD, PARAMETER, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                        continue;
                    }
                    default -> {
                    }
                }
                // Bean Validation puts a list index on the node after the list
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() == null) {
                    continue;
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            return field.isEmpty() ? "body" : field.toString();
        }
    }

    public static Response invalid(List<Problem.FieldError> errors) {
        return Problem.of(400, "Bad Request", "The request has invalid fields.").withErrors(errors).toResponse();
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformed();
        }
    }

    @Provider
    public static class MalformedJsonParsing implements ExceptionMapper<JsonParsingException> {
        @Override
        public Response toResponse(JsonParsingException e) {
            return malformed();
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof ProblemException p) {
                    return p.problem().toResponse();
                }
                cause = cause.getCause();
            }
            return malformed();
        }
    }

    static Response malformed() {
        return Problem.of(400, "Bad Request", "The body is not well-formed JSON of the expected shape.")
                .withErrors(List.of(new Problem.FieldError("body", "malformed JSON")))
                .toResponse();
    }

    /** JAX-RS's own refusals (404, 405, 406, 413, 415 ...) keep their status and become problems. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonParsingException) {
                return malformed();
            }
            String title = e.getResponse().getStatusInfo().getReasonPhrase();
            String detail = switch (status) {
                case 400 -> "The request is malformed: the body is missing or is not the expected JSON.";
                case 415 -> "The body must be application/json.";
                case 413 -> "The body is larger than the limit of 256 KiB.";
                case 404 -> "No such resource.";
                case 405 -> "This method is not allowed here.";
                case 406 -> "This resource can not answer in the requested media type.";
                default -> e.getMessage();
            };
            Response.ResponseBuilder answer = Response.fromResponse(problemOf(status, title, detail).toResponse());
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }
    }

    private static Problem problemOf(int status, String title, String detail) {
        return Problem.of(status, title == null ? "Error" : title, detail);
    }

    @Provider
    public static class StaleUpdate implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return Problem.of(409, "Conflict", "Someone else changed this item meanwhile; reload it and try again.")
                    .toResponse();
        }
    }

    /** Anything unforeseen: a 500 with a reference that the log carries too. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof ProblemException p) {
                    return p.problem().toResponse();
                }
                if (cause instanceof ConstraintViolationException cve) {
                    return new Validation().toResponse(cve);
                }
                if (cause instanceof OptimisticLockException ole) {
                    return new StaleUpdate().toResponse(ole);
                }
                if (cause instanceof EJBException && cause.getCause() == null) {
                    break;
                }
                cause = cause.getCause();
            }
            String reference = UUID.randomUUID().toString();
            // The exception's class and stack only: messages may quote request data.
            LOG.log(Level.SEVERE, "Unexpected error, reference " + reference + ": " + e.getClass().getName(),
                    stripMessages(e));
            return Problem.of(500, "Internal Server Error",
                            "Something went wrong on our side. Quote reference " + reference + " when reporting it.")
                    .withExtensions(java.util.Map.of("reference", reference))
                    .toResponse();
        }

        private static Throwable stripMessages(Throwable e) {
            Throwable copy = new Throwable(e.getClass().getName());
            copy.setStackTrace(e.getStackTrace());
            if (e.getCause() != null && e.getCause() != e) {
                copy.initCause(stripMessages(e.getCause()));
            }
            return copy;
        }
    }
}
