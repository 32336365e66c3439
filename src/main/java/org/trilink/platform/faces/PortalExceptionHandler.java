package org.trilink.platform.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trilink.platform.problem.ProblemException;

/**
 * No stack trace ever reaches a page. A refusal the domain explains (a case you may not see,
 * a role that does not work on cases) becomes a plain message; anything unexpected is logged
 * under a short reference number, and the person sees the friendly error page with that
 * number to quote. An expired view (a form left open past the session) starts over.
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    /** A reference people can read out: eight characters without look-alikes. */
    public static String newReference() {
        StringBuilder ref = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            ref.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return ref.toString();
    }

    /** Logs the failure under a new reference; the log, not the page, has the details. */
    public static String log(Throwable failure) {
        String reference = newReference();
        LOG.log(Level.SEVERE, "Portal error, reference " + reference, failure);
        return reference;
    }

    @Override
    public void handle() throws FacesException {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        if (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            events.remove();
            while (events.hasNext()) { // one page for one request: the first failure decides it
                events.next();
                events.remove();
            }
            FacesContext context = FacesContext.getCurrentInstance();
            String target = target(context, failure);
            ExternalContext external = context.getExternalContext();
            try {
                if (!external.isResponseCommitted()) {
                    external.responseReset();
                    external.redirect(external.getRequestContextPath() + target);
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not show the error page", e);
            }
            context.responseComplete();
        }
        getWrapped().handle();
    }

    private static String target(FacesContext context, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return "/";
            }
            if (t instanceof ProblemException problem) {
                int status = problem.problem().status();
                if (status == 403 || status == 404) {
                    return "/error.xhtml?kind=" + status;
                }
            }
        }
        return "/error.xhtml?ref=" + log(failure);
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PortalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
