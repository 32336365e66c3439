package org.trilink.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests deploy the real build output, not a hand-picked archive. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive trilinkWar() {
        String path = System.getProperty("trilink.war", "target/trilink.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }
}
