package org.trilink.door.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.trilink.door.control.PartyPass;

/**
 * The verified party of this browser: the pass a right code opened, kept in the web session
 * (shared by a cluster; Serializable). Every page still checks the pass against the database
 * ({@code PartyPasses.valid}), so an expired or ended pass opens nothing. The pages of the next
 * stage (sign, rate) take the party from here: see docs/public-door.md.
 */
@Named("partySession")
@SessionScoped
public class PartySession implements Serializable {

    private static final long serialVersionUID = 1L;

    private PartyPass pass;

    public PartyPass pass() {
        return pass;
    }

    public void hold(PartyPass pass) {
        this.pass = pass;
    }

    public void leave() {
        this.pass = null;
    }

    public boolean isVerified() {
        return pass != null;
    }
}
