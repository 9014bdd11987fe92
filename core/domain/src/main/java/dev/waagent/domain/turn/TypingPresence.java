package dev.waagent.domain.turn;

import dev.waagent.domain.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The customer sees their message read and "typing…" as soon as a turn is taken, for as long as the reply takes:
 * WhatsApp shows the indicator for up to 25 s (or until we reply), so a long generation refreshes it every
 * {@value #DEFAULT_REFRESH_SECONDS} s, at most {@code maxRefreshes} times. Best effort: a failed receipt never fails
 * the turn. Refreshes run on one daemon thread shared by all sessions of this instance; the first receipt of each
 * turn on a thread of its own. Thread-safe.
 */
public final class TypingPresence {

    private static final Logger LOG = LoggerFactory.getLogger(TypingPresence.class);
    static final long DEFAULT_REFRESH_SECONDS = 20;
    private static final int DEFAULT_MAX_REFRESHES = 6;

    private final OutboundChannel channel;
    private final Duration refresh;
    private final int maxRefreshes;
    private volatile ScheduledExecutorService timer;
    private volatile ExecutorService firstShows;

    public TypingPresence(OutboundChannel channel) {
        this(channel, Duration.ofSeconds(DEFAULT_REFRESH_SECONDS), DEFAULT_MAX_REFRESHES);
    }

    /** @param refresh how often the indicator is shown again while the turn runs (below WhatsApp's 25 s) */
    public TypingPresence(OutboundChannel channel, Duration refresh, int maxRefreshes) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        if (refresh.isNegative() || refresh.isZero() || maxRefreshes < 0) {
            throw new IllegalArgumentException("refresh must be positive and maxRefreshes not negative");
        }
        this.maxRefreshes = maxRefreshes;
    }

    /**
     * Marks {@code messageId} read with the typing indicator now, and keeps the indicator up until the session closes.
     * The first receipt goes out on its own thread while the turn goes on (the platform call costs a round trip the
     * turn need not wait for); closing the session waits for it, so the indicator never shows after the reply.
     */
    public Session start(Tenant tenant, String messageId) {
        Future<?> first = firstShows().submit(() -> show(tenant, messageId));
        if (maxRefreshes == 0 || !channel.capabilities(tenant).typingIndicator()) {
            return new Session(first, null);
        }
        AtomicInteger shown = new AtomicInteger();
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        ScheduledFuture<?> task = timer().scheduleAtFixedRate(() -> {
            if (shown.incrementAndGet() > maxRefreshes) {
                self[0].cancel(false);
                return;
            }
            show(tenant, messageId);
        }, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        self[0] = task;
        return new Session(first, task);
    }

    private void show(Tenant tenant, String messageId) {
        try {
            channel.markRead(tenant, messageId, true);
        } catch (RuntimeException e) {
            // Read receipts are a courtesy; never fail a turn for them.
            LOG.debug("mark-read/typing failed: {}", e.toString());
        }
    }

    private ExecutorService firstShows() {
        ExecutorService current = firstShows;
        if (current == null) {
            synchronized (this) {
                current = firstShows;
                if (current == null) {
                    // Not the refresh thread: turns of several customers start at once and must not queue behind each other.
                    current = Executors.newCachedThreadPool(runnable -> {
                        Thread thread = new Thread(runnable, "typing-presence-first");
                        thread.setDaemon(true);
                        return thread;
                    });
                    firstShows = current;
                }
            }
        }
        return current;
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService current = timer;
        if (current == null) {
            synchronized (this) {
                current = timer;
                if (current == null) {
                    current = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "typing-presence");
                        thread.setDaemon(true);
                        return thread;
                    });
                    timer = current;
                }
            }
        }
        return current;
    }

    /** Keeps the indicator up until closed (the reply itself ends it on the customer's screen). */
    public static final class Session implements AutoCloseable {
        /** Longest wait at close for the first receipt (the channel's own timeouts normally end it sooner). */
        private static final long FIRST_SHOW_WAIT_SECONDS = 10;
        private final Future<?> first;
        private final ScheduledFuture<?> refreshing;

        private Session(Future<?> first, ScheduledFuture<?> refreshing) {
            this.first = first;
            this.refreshing = refreshing;
        }

        @Override
        public void close() {
            if (refreshing != null) {
                refreshing.cancel(false);
            }
            try {
                first.get(FIRST_SHOW_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("first read receipt not confirmed: {}", e.toString());
            }
        }
    }
}
