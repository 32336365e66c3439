package org.trilink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trilink.platform.security.SecurityAudit.Event;
import org.trilink.platform.security.SecurityAudit.Kind;
import org.trilink.platform.security.SecurityAudit.Stored;

/** What an auditor relies on: an entry altered or deleted anywhere in the trail is noticed. */
class SecurityAuditTest {

    static final String ZERO = "0".repeat(64);

    final List<Stored> trail = new ArrayList<>();

    SecurityAuditTest() {
        String previous = ZERO;
        OffsetDateTime at = OffsetDateTime.parse("2026-12-07T01:00:00Z");
        Kind[] kinds = {Kind.SIGN_IN_FAILED, Kind.SIGN_IN_FAILED, Kind.LOCKED, Kind.UNLOCKED, Kind.SIGNED_IN};
        for (int i = 0; i < kinds.length; i++) {
            Event e = new Event(i + 1, at.plusMinutes(i), kinds[i], i == 3 ? "admin" : "zhangsan", "zhangsan",
                    "203.0.113.7", i == 4 ? "form" : null);
            String hash = SecurityAudit.hash(previous, e);
            trail.add(new Stored(e, previous, hash));
            previous = hash;
        }
    }

    SecurityAudit.Verification check(List<Stored> entries, long headId, String headHash) {
        SecurityAudit.Chain chain = new SecurityAudit.Chain();
        entries.forEach(chain::add);
        return chain.end(headId, headHash);
    }

    String headHash() {
        return trail.get(trail.size() - 1).entryHash();
    }

    @Test
    void anUntouchedTrailIsIntact() {
        assertThat(check(trail, 5, headHash())).isEqualTo(new SecurityAudit.Verification(true, 5, null, null));
        assertThat(check(List.of(), 0, ZERO).intact()).isTrue();
        // after a purge the oldest kept entry anchors the chain
        assertThat(check(trail.subList(2, 5), 5, headHash()).intact()).isTrue();
    }

    @Test
    void anAlteredEntryIsNoticed() {
        Stored unlocked = trail.get(3);
        Event e = unlocked.event();
        trail.set(3, new Stored(new Event(e.id(), e.occurredAt(), e.kind(), "someone-else", e.subject(), e.address(),
                e.detail()), unlocked.previousHash(), unlocked.entryHash()));
        var v = check(trail, 5, headHash());
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(4);
        assertThat(v.reason()).contains("altered");
    }

    @Test
    void aDeletedEntryIsNoticedInTheMiddleAndAtTheEnd() {
        List<Stored> withoutLock = new ArrayList<>(trail);
        withoutLock.remove(2);
        var v = check(withoutLock, 5, headHash());
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(4);

        var end = check(trail.subList(0, 4), 5, headHash());
        assertThat(end.intact()).isFalse();
        assertThat(end.reason()).contains("newest");
        assertThat(check(List.of(), 5, headHash()).intact()).isFalse();
    }

    @Test
    void theHashCoversEveryField() {
        Event e = trail.get(4).event();
        String hash = SecurityAudit.hash(ZERO, e);
        assertThat(SecurityAudit.hash(ZERO, new Event(e.id(), e.occurredAt().plusNanos(1000), e.kind(), e.actor(),
                e.subject(), e.address(), e.detail()))).isNotEqualTo(hash);
        assertThat(SecurityAudit.hash(ZERO, new Event(e.id(), e.occurredAt(), e.kind(), e.actor(), e.subject(),
                "203.0.113.8", e.detail()))).isNotEqualTo(hash);
        assertThat(SecurityAudit.hash(ZERO, new Event(e.id(), e.occurredAt(), e.kind(), e.actor(), e.subject(),
                e.address(), null))).isNotEqualTo(hash);
        assertThat(SecurityAudit.hash("1" + ZERO.substring(1), e)).isNotEqualTo(hash);
    }
}
