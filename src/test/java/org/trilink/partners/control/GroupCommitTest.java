package org.trilink.partners.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void anItemAloneIsWrittenAloneAndGetsItsResult() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(10, batch -> {
            batches.add(batch);
            return batch.stream().map(i -> "r" + i).toList();
        });
        assertThat(commit.submit(7)).isEqualTo("r7");
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void itemsArrivingDuringAWriteAreWrittenTogetherNextEachWithItsOwnResult() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(10, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            return batch.stream().map(i -> "r" + i).toList();
        });
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.submit(0), threads);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            later.add(CompletableFuture.supplyAsync(() -> commit.submit(item), threads));
        }
        waitUntilWaiting(commit, 5);
        assertThat(later).noneMatch(CompletableFuture::isDone); // nobody returns before its item is written
        releaseFirstWrite.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("r0");
        for (int i = 1; i <= 5; i++) {
            assertThat(later.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("r" + i);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aBatchIsAtMostTheGivenSize() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(3, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            return batch;
        });
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> commit.submit(0), threads);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Integer>> later = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            int item = i;
            later.add(CompletableFuture.supplyAsync(() -> commit.submit(item), threads));
        }
        waitUntilWaiting(commit, 7);
        releaseFirstWrite.countDown();
        for (int i = 1; i <= 7; i++) {
            assertThat(later.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(first.get()).isZero();
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(3));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(8);
    }

    @Test
    void aBadItemFailsOnlyItsOwnCallerEvenInABatch() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(10, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            if (batch.contains(13)) {
                throw new IllegalStateException("unlucky");
            }
            return batch;
        });
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> commit.submit(0), threads);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> bad = CompletableFuture.supplyAsync(() -> commit.submit(13), threads);
        CompletableFuture<Integer> good = CompletableFuture.supplyAsync(() -> commit.submit(14), threads);
        waitUntilWaiting(commit, 2);
        releaseFirstWrite.countDown();

        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(14);
        assertThatThrownBy(bad::join).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("unlucky");
        assertThat(first.get()).isZero();
        assertThat(commit.submit(15)).isEqualTo(15);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilWaiting(GroupCommit<?, ?> commit, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commit.waiting() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(commit.waiting()).isEqualTo(n);
    }
}
