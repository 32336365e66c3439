package org.trilink.door.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.trilink.door.control.PartyCases;
import org.trilink.door.control.PartyPass;
import org.trilink.door.control.PartyPasses;
import org.trilink.door.control.PartyRatings;
import org.trilink.platform.faces.Labels;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.ClientAddress;

/**
 * The rate page (评价服务, issue 24): after the follow-up visit the party gives 1 to 5 stars and a
 * comment, once. The party is the session's pass, checked against the database on every action;
 * without a valid pass for a case the party is sent to the follow page, which asks for a code.
 */
@Named("rate")
@ViewScoped
public class RateBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a party without a pass for a case goes (and comes back from with one). */
    static final String FOLLOW = "/public/follow?faces-redirect=true";

    @Inject
    PartyPasses passes;

    @Inject
    PartyCases cases;

    @Inject
    PartyRatings ratings;

    @Inject
    PartySession session;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Labels labels;

    private String caseNumber;
    private PartyRatings.Rating rating;
    private Integer score;
    private String comment;
    private boolean thanked;

    /** On opening: the pass's case and whether its party may rate; no valid pass for a case: the follow page. */
    public String load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return null;
        }
        PartyPass pass = pass();
        if (pass == null) {
            return FOLLOW;
        }
        caseNumber = cases.caseNumber(pass);
        rating = ratings.of(pass);
        return null;
    }

    public String submit() {
        PartyPass pass = pass();
        if (pass == null) {
            return FOLLOW;
        }
        try {
            rating = ratings.rate(pass, score, comment, DoorPage.address(clientAddress));
            thanked = true;
        } catch (ProblemException refused) {
            show(refused);
        }
        return null;
    }

    private PartyPass pass() {
        return DoorPage.casePass(session, passes);
    }

    /** Field errors beside their fields; a conflict (not yet, or rated already) as the page's message. */
    private void show(ProblemException refused) {
        FacesContext context = FacesContext.getCurrentInstance();
        Problem p = refused.problem();
        if (p.errors() != null && !p.errors().isEmpty()) {
            for (Problem.FieldError e : p.errors()) {
                String key = "door.problem." + e.field();
                context.addMessage("rate:" + e.field(), DoorPage.error(labels.text(key)));
            }
            context.validationFailed();
            return;
        }
        String type = p.type() == null ? "" : p.type();
        if (type.equals("urn:trilink:problem:already-rated") || type.equals("urn:trilink:problem:not-yet-ratable")) {
            PartyPass pass = pass();
            if (pass != null) {
                rating = ratings.of(pass);
            }
            context.addMessage(null, DoorPage.error(labels.text(type.endsWith("already-rated")
                    ? "door.error.alreadyRated" : "door.error.notYetRatable")));
            context.validationFailed();
            return;
        }
        DoorPage.show(refused, labels, "rate");
    }

    /** The stars to choose from, 1 to 5, each said in words for a screen reader too. */
    public java.util.List<jakarta.faces.model.SelectItem> getStars() {
        java.util.List<jakarta.faces.model.SelectItem> stars = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stars.add(new jakarta.faces.model.SelectItem(i, "★".repeat(i) + " " + labels.text("door.star", String.valueOf(i))));
        }
        return stars;
    }

    /** "已评价 N 星" once rated; null before. */
    public String getRatedWords() {
        return rating == null || !rating.rated() ? null : labels.text("door.ratedStars", String.valueOf(rating.score()));
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public PartyRatings.Rating getRating() {
        return rating;
    }

    public boolean isThanked() {
        return thanked;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** The maximum comment length, for the field. */
    public int getCommentMax() {
        return PartyRatings.COMMENT_MAX;
    }
}
