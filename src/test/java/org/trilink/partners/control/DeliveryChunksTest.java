package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DeliveryChunksTest {

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void aSmallClaimGivesEveryMessageItsOwnThread() {
        assertThat(Outbox.chunks(ids(3), 16)).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void aFullClaimIsSharedByTheThreadsInChunksOfAtMostTwenty() {
        List<List<Long>> chunks = Outbox.chunks(ids(200), 16);
        assertThat(chunks).hasSize(16).allSatisfy(c -> assertThat(c).hasSizeBetween(1, 13));
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids(200));
        assertThat(Outbox.chunks(ids(1000), 4)).hasSize(50).allSatisfy(c -> assertThat(c).hasSize(20));
    }

    @Test
    void anEmptyClaimHasNoChunks() {
        assertThat(Outbox.chunks(List.of(), 16)).isEmpty();
    }
}
