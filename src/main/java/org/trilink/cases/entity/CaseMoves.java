package org.trilink.cases.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle as data: for each kind of matter and state, the moves allowed. Everything that
 * asks "may this happen now" (the control beans, the portal's buttons, the 409 answers) reads
 * this one table.
 *
 * <p>While a referral is pending, the case is in transit: the moves that would settle it
 * ({@link #PAUSED_BY_REFERRAL}) wait for the receiving office's decision, and the referral's
 * own moves (accept, reject, recall) are open.
 *
 * <p>A party's particulars can be corrected (a misspelt name, a new phone number) until the
 * case is closed: the papers made afterwards carry the correction, the ones made before stay
 * as they were printed.
 */
public final class CaseMoves {

    /** Moves that wait while a referral is pending: the receiving office decides first. */
    public static final Set<Move> PAUSED_BY_REFERRAL = Collections.unmodifiableSet(EnumSet.of(Move.ACCEPT,
            Move.DECLINE, Move.REFER, Move.FILE, Move.RESOLVE_BEFORE_FILING, Move.DECIDE, Move.RECORD_OUTCOME,
            Move.CLOSE));

    private static final Set<Move> REFERRAL_MOVES = EnumSet.of(Move.ACCEPT_REFERRAL, Move.REJECT_REFERRAL,
            Move.RECALL_REFERRAL);

    private static final Map<MatterKind, Map<CaseStatus, Set<Move>>> TABLE = new EnumMap<>(MatterKind.class);

    static {
        Map<CaseStatus, Set<Move>> mediation = new EnumMap<>(CaseStatus.class);
        mediation.put(CaseStatus.RECEIVED, EnumSet.of(Move.ACCEPT, Move.DECLINE, Move.REFER, Move.INVITE_OFFICE,
                Move.CHANGE_RISK, Move.CORRECT_PARTY));
        mediation.put(CaseStatus.ACCEPTED, EnumSet.of(Move.REFER, Move.INVITE_OFFICE, Move.ASSIGN_MEDIATOR,
                Move.START_MEDIATION, Move.CHANGE_RISK, Move.CORRECT_PARTY));
        mediation.put(CaseStatus.IN_MEDIATION, EnumSet.of(Move.REFER, Move.INVITE_OFFICE, Move.ASSIGN_MEDIATOR,
                Move.SCHEDULE_SESSION, Move.RESCHEDULE_SESSION, Move.CANCEL_SESSION, Move.RECORD_SESSION,
                Move.RECORD_OUTCOME, Move.CHANGE_RISK, Move.CORRECT_PARTY));
        mediation.put(CaseStatus.CONCLUDED, EnumSet.of(Move.RECORD_FOLLOW_UP, Move.CLOSE, Move.CHANGE_RISK,
                Move.CORRECT_PARTY));
        mediation.put(CaseStatus.DECLINED, EnumSet.noneOf(Move.class));
        mediation.put(CaseStatus.CLOSED, EnumSet.noneOf(Move.class));
        TABLE.put(MatterKind.PEOPLES_MEDIATION, mediation);

        Map<CaseStatus, Set<Move>> administrative = new EnumMap<>(CaseStatus.class);
        administrative.put(CaseStatus.RECEIVED, EnumSet.of(Move.FILE, Move.RESOLVE_BEFORE_FILING, Move.REFER,
                Move.INVITE_OFFICE, Move.CHANGE_RISK, Move.CORRECT_PARTY));
        administrative.put(CaseStatus.FILED, EnumSet.of(Move.DECIDE, Move.INVITE_OFFICE, Move.CHANGE_RISK,
                Move.CORRECT_PARTY));
        administrative.put(CaseStatus.RESOLVED, EnumSet.of(Move.CLOSE));
        administrative.put(CaseStatus.CLOSED, EnumSet.noneOf(Move.class));
        TABLE.put(MatterKind.ADMINISTRATIVE, administrative);
    }

    private CaseMoves() {
    }

    /** The moves the state allows, whoever asks. */
    public static Set<Move> allowed(MatterKind kind, CaseStatus status, boolean referralPending) {
        Set<Move> moves = EnumSet.noneOf(Move.class);
        moves.addAll(TABLE.getOrDefault(kind, Map.of()).getOrDefault(status, Set.of()));
        if (referralPending) {
            // a pending referral can only exist in a state that allowed REFER when it was sent
            moves.removeAll(PAUSED_BY_REFERRAL);
            moves.addAll(REFERRAL_MOVES);
        }
        return moves;
    }

    public static boolean allows(MatterKind kind, CaseStatus status, boolean referralPending, Move move) {
        return allowed(kind, status, referralPending).contains(move);
    }

    /** The whole table, for documentation and the portal. */
    public static Map<CaseStatus, Set<Move>> table(MatterKind kind) {
        return Collections.unmodifiableMap(TABLE.get(kind));
    }
}
