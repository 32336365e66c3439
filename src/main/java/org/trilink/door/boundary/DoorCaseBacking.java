package org.trilink.door.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.door.control.CorrectionRequests;
import org.trilink.door.control.OnlineApplications;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.ProblemException;

/**
 * The door's panel on the staff case page: what an online application came with (consent, the
 * intake's same-parties warning) and the parties' correction requests, shown on demand (each
 * showing is a recorded view of personal data), applied or declined.
 */
@Named("doorCase")
@ViewScoped
public class DoorCaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OnlineApplications applications;

    @Inject
    CorrectionRequests corrections;

    @Inject
    Labels labels;

    private String caseNumber;
    private OnlineApplications.Application application;
    private long requestCount;
    private List<CorrectionRequests.Request> requests;
    private final Map<Long, String> reasons = new HashMap<>();
    private boolean loaded;

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        caseNumber = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("n");
        if (caseNumber == null) {
            return;
        }
        try {
            application = applications.of(caseNumber);
        } catch (ProblemException notOnline) {
            application = null;
        }
        try {
            requestCount = corrections.count(caseNumber);
        } catch (ProblemException hidden) {
            requestCount = 0;
        }
    }

    public boolean isShown() {
        load();
        return application != null || requestCount > 0;
    }

    public OnlineApplications.Application getApplication() {
        load();
        return application;
    }

    public String getOnlineWords() {
        load();
        return application == null ? null : labels.text("door.staff.online",
                application.consentGivenAt() == null ? "—" : labels.dateTime(application.consentGivenAt()),
                application.noticeVersion() == null ? "—" : application.noticeVersion());
    }

    public String getSamePartiesWords() {
        load();
        return application == null || application.openCasesWithSameParties().isEmpty() ? null
                : labels.text("door.staff.sameParties", String.join(", ", application.openCasesWithSameParties()));
    }

    public long getRequestCount() {
        load();
        return requestCount;
    }

    public void showRequests() {
        requests = corrections.of(caseNumber);
    }

    public List<CorrectionRequests.Request> getRequests() {
        return requests;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public void apply(long id) {
        handle(id, true);
    }

    public void decline(long id) {
        handle(id, false);
    }

    private void handle(long id, boolean apply) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            if (apply) {
                corrections.apply(caseNumber, id, null, reasons.get(id));
            } else {
                corrections.decline(caseNumber, id, reasons.get(id));
            }
            requests = corrections.of(caseNumber);
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    labels.text(apply ? "door.staff.status.APPLIED" : "door.staff.status.DECLINED"), null));
        } catch (ProblemException refused) {
            context.addMessage(null, DoorPage.error(refused.problem().detail() != null
                    && refused.problem().errors() == null ? refused.problem().detail()
                    : refused.problem().errors().get(0).message()));
        }
    }
}
