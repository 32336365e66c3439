package org.trilink.mediation.control;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How busy each mediator of an office is, for its head: open cases they mediate, how many of
 * those are in mediation now, and their sessions this week. The busiest first; each with their
 * share of the busiest one's open cases, so that a bar shows who has room.
 */
public final class Workload {

    /** What the database counted for one person of the office. */
    public record Count(String username, String displayName, long openCases, long inMediation) {
    }

    /** One person's line on the desk. */
    public record Line(String username, String displayName, long openCases, long inMediation, long sessionsThisWeek,
                       int percentOfBusiest) implements java.io.Serializable {
    }

    private Workload() {
    }

    public static List<Line> of(List<Count> counts, Map<String, Long> sessionsThisWeek) {
        long busiest = counts.stream().mapToLong(Count::openCases).max().orElse(0);
        return counts.stream()
                .map(c -> new Line(c.username(), c.displayName(), c.openCases(), c.inMediation(),
                        sessionsThisWeek.getOrDefault(c.username(), 0L),
                        busiest == 0 ? 0 : (int) Math.round(100.0 * c.openCases() / busiest)))
                .sorted(Comparator.comparingLong(Line::openCases).reversed()
                        .thenComparing(Comparator.comparingLong(Line::sessionsThisWeek).reversed())
                        .thenComparing(Line::username))
                .toList();
    }
}
