package org.trilink.partners.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes items that many threads hand in, several in one transaction when several arrive together
 * (group commit): one thread writes at a time; an item that arrives meanwhile waits, and the first
 * thread to find the writer free writes every waiting item, its own included. Each caller returns
 * only once its own item is written, with its own result, or with its own failure: when a batch
 * fails, its items are written again one by one, so that one bad item fails only its own caller.
 * So a busy system writes in batches while an item never waits for more than the write in progress
 * and its own.
 */
final class GroupCommit<T, R> {

    /** Writes a batch in one go; returns one result per item, in order, or throws for the whole batch. */
    @FunctionalInterface
    interface Writer<T, R> {
        List<R> write(List<T> batch);
    }

    private static final class Entry<T, R> {
        final T item;
        boolean done;
        R result;
        RuntimeException failure;

        Entry(T item) {
            this.item = item;
        }
    }

    private final Writer<T, R> writer;
    private final int maxBatch;
    private final List<Entry<T, R>> waiting = new ArrayList<>();
    private boolean writing;

    GroupCommit(int maxBatch, Writer<T, R> writer) {
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Writes the item (alone or with others that arrive together) and returns its result. */
    R submit(T item) {
        Entry<T, R> mine = new Entry<>(item);
        List<Entry<T, R>> batch = null;
        boolean interrupted = false;
        synchronized (this) {
            waiting.add(mine);
            // not interruptible: the caller must learn whether its item was written
            while (!mine.done && writing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (!mine.done) {
                // the writer is free and this item still waits: write it with the others waiting
                writing = true;
                waiting.remove(mine);
                batch = new ArrayList<>();
                batch.add(mine);
                while (batch.size() < maxBatch && !waiting.isEmpty()) {
                    batch.add(waiting.remove(0));
                }
            }
        }
        if (batch != null) {
            write(batch);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** How many items wait for the writer (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private void write(List<Entry<T, R>> batch) {
        try {
            try {
                List<R> results = writeTogether(batch.stream().map(e -> e.item).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result = results.get(i);
                }
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    batch.get(0).failure = e;
                } else {
                    for (Entry<T, R> one : batch) {
                        try {
                            one.result = writeTogether(List.of(one.item)).get(0);
                        } catch (RuntimeException alone) {
                            one.failure = alone;
                        }
                    }
                }
            }
        } catch (Error e) {
            batch.stream().filter(one -> one.result == null && one.failure == null)
                    .forEach(one -> one.failure = new IllegalStateException("Writing a batch failed", e));
            throw e;
        } finally {
            synchronized (this) {
                batch.forEach(one -> one.done = true);
                writing = false;
                notifyAll();
            }
        }
    }

    private List<R> writeTogether(List<T> items) {
        List<R> results = writer.write(items);
        if (results.size() != items.size()) {
            throw new IllegalStateException(results.size() + " results for " + items.size() + " items");
        }
        return results;
    }
}
