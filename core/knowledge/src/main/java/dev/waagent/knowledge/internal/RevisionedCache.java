package dev.waagent.knowledge.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * Per-tenant values built from the database and kept in memory, rebuilt when the tenant's revision changes.
 * The revision (one cheap query) is checked at most once per {@code checkInterval}, or at once after
 * {@link #markStale}; while one thread rebuilds, others keep using the previous value rather than wait.
 */
public final class RevisionedCache<T> {

    private final ToLongFunction<String> revisionOf;
    private final BiFunction<String, Long, T> builder;
    private final long checkIntervalNanos;
    private final Map<String, Slot<T>> slots = new ConcurrentHashMap<>();

    public RevisionedCache(ToLongFunction<String> revisionOf, BiFunction<String, Long, T> builder, Duration checkInterval) {
        this.revisionOf = revisionOf;
        this.builder = builder;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    public T get(String tenantId) {
        Slot<T> slot = slots.computeIfAbsent(tenantId, id -> new Slot<>());
        if (slot.value != null && fresh(slot)) {
            return slot.value;
        }
        if (slot.value != null) {
            if (!slot.lock.tryLock()) {
                return slot.value; // another thread is refreshing; the previous index still answers correctly
            }
        } else {
            slot.lock.lock();
        }
        try {
            if (slot.value != null && fresh(slot)) {
                return slot.value;
            }
            // Cleared before reading the revision: a change that lands during the build marks the slot again.
            slot.stale = false;
            long revision = revisionOf.applyAsLong(tenantId);
            if (slot.value == null || revision != slot.revision) {
                slot.value = builder.apply(tenantId, revision);
                slot.revision = revision;
            }
            slot.checkedAt = System.nanoTime();
            return slot.value;
        } finally {
            slot.lock.unlock();
        }
    }

    public void markStale(String tenantId) {
        Slot<T> slot = slots.get(tenantId);
        if (slot != null) {
            slot.stale = true;
        }
    }

    public void clear() {
        slots.clear();
    }

    private boolean fresh(Slot<T> slot) {
        return !slot.stale && System.nanoTime() - slot.checkedAt < checkIntervalNanos;
    }

    private static final class Slot<T> {
        final ReentrantLock lock = new ReentrantLock();
        volatile T value;
        volatile long revision;
        volatile long checkedAt;
        volatile boolean stale;
    }
}
