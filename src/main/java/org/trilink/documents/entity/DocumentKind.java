package org.trilink.documents.entity;

import java.util.Arrays;
import java.util.Optional;

/** The documents TriLink writes for a case; {@code slug} is how the API names them. */
public enum DocumentKind {
    AGREEMENT("agreement", "人民调解协议书", true),
    REFERRAL_LETTER("referral-letter", "转介函", false),
    FOLLOW_UP_RECORD("follow-up-record", "回访记录", false),
    CASE_FILE("case-file", "卷宗封面及卷内目录", false);

    private final String slug;
    private final String titleZh;
    private final boolean fullPersonalData;

    DocumentKind(String slug, String titleZh, boolean fullPersonalData) {
        this.slug = slug;
        this.titleZh = titleZh;
        this.fullPersonalData = fullPersonalData;
    }

    public String slug() {
        return slug;
    }

    public String titleZh() {
        return titleZh;
    }

    /** Whether the printed document carries whole ID numbers and phones (each access is recorded). */
    public boolean fullPersonalData() {
        return fullPersonalData;
    }

    public static Optional<DocumentKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
