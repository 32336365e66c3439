package org.trilink.cases.boundary;

import java.time.OffsetDateTime;
import org.trilink.cases.control.Due;
import org.trilink.platform.faces.Labels;

/** A deadline's time left (or how late it is) in the page's words: "剩余3小时20分钟", "已超时2天". */
public final class DueWords {

    private DueWords() {
    }

    public static String timeLeft(Labels labels, OffsetDateTime deadline, OffsetDateTime now, boolean late) {
        Due.Left left = Due.left(deadline, now);
        String span = left.days() > 0
                ? labels.text("desk.days", left.days()) + (left.hours() > 0 ? labels.text("desk.hours", left.hours()) : "")
                : left.hours() > 0
                ? labels.text("desk.hours", left.hours()) + labels.text("desk.minutes", left.minutes())
                : labels.text("desk.minutes", left.minutes());
        return labels.text(left.overdue() || late ? "desk.late" : "desk.left", span);
    }
}
