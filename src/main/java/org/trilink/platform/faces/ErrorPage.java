package org.trilink.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * What the error page says. Failures inside the Faces lifecycle arrive with their reference
 * in the URL; failures the servlet container caught arrive as request attributes and are
 * logged here under a new reference. Only the reference and a kind are ever shown.
 */
@Named("errorPage")
@RequestScoped
public class ErrorPage {

    private String reference;
    private int status;

    public String getReference() {
        if (reference == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            String given = external.getRequestParameterMap().get("ref");
            Object failure = external.getRequestMap().get(RequestDispatcher.ERROR_EXCEPTION);
            if (given != null && given.matches("[A-Z2-9]{8}")) {
                reference = given;
            } else if (failure instanceof Throwable t) {
                reference = PortalExceptionHandler.log(t);
            } else {
                reference = "";
            }
        }
        return reference;
    }

    /** 403, 404, or 500 for anything else. */
    public int getStatus() {
        if (status == 0) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            String kind = external.getRequestParameterMap().get("kind");
            Object code = external.getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE);
            if ("403".equals(kind) || Integer.valueOf(403).equals(code)) {
                status = 403;
            } else if ("404".equals(kind) || Integer.valueOf(404).equals(code)) {
                status = 404;
            } else {
                status = 500;
            }
        }
        return status;
    }
}
