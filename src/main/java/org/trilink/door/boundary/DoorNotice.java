package org.trilink.door.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.trilink.door.control.DoorSettings;

/** The privacy notice on the door's pages: the same text the API gives. */
@Named("doorNotice")
@ApplicationScoped
public class DoorNotice {

    public String getZh() {
        return DoorWords.NOTICE_ZH;
    }

    public String getEn() {
        return DoorWords.NOTICE_EN;
    }

    public String getVersion() {
        return DoorSettings.NOTICE_VERSION;
    }
}
