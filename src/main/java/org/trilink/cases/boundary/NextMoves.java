package org.trilink.cases.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trilink.cases.entity.Move;

/**
 * Which of the moves the lifecycle allows the case page shows, and which one is the next step
 * the case waits for (the one primary button). A move about a session needs a session still to
 * be held; scheduling again is not the next step once a session was held (the outcome is), nor
 * is another follow-up visit once one was made (closing is).
 */
public final class NextMoves {

    /** The steps of a case in the order they come; the first one offered is the primary. */
    static final List<Move> STEPS = List.of(Move.ACCEPT_REFERRAL, Move.ACCEPT, Move.FILE, Move.START_MEDIATION,
            Move.RECORD_SESSION, Move.SCHEDULE_SESSION, Move.RECORD_OUTCOME, Move.RECORD_FOLLOW_UP, Move.CLOSE,
            Move.DECIDE);

    private static final List<Move> ON_A_SCHEDULED_SESSION = List.of(Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION,
            Move.RECORD_SESSION);

    /** What the case page knows of the case besides its state. */
    public record Progress(boolean sessionScheduled, boolean sessionHeld, boolean followedUp) {
    }

    /** The moves to show: the primary first, then the others in the lifecycle's order. */
    public record Offer(List<Move> moves, Move primary) {
    }

    private NextMoves() {
    }

    public static Offer of(List<Move> allowed, Progress progress) {
        List<Move> shown = new ArrayList<>(allowed.stream()
                .filter(m -> progress.sessionScheduled() || !ON_A_SCHEDULED_SESSION.contains(m)).toList());
        Optional<Move> primary = STEPS.stream().filter(shown::contains)
                .filter(m -> m != Move.SCHEDULE_SESSION || !progress.sessionHeld())
                .filter(m -> m != Move.RECORD_FOLLOW_UP || !progress.followedUp())
                .findFirst();
        primary.ifPresent(p -> {
            shown.remove(p);
            shown.add(0, p);
        });
        return new Offer(List.copyOf(shown), primary.orElse(null));
    }
}
