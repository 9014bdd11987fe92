package dev.waagent.domain.turn;

import dev.waagent.domain.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The customer sees their message read and "typing…" as soon as a turn is taken, for as long as the reply takes:
 * WhatsApp shows the indicator for up to 25 s (or until we reply), so a long generation refreshes it every
 * {@value #DEFAULT_REFRESH_SECONDS} s, at most {@code maxRefreshes} times. Best effort: a failed receipt never fails
 * the turn. Refreshes run on one daemon thread shared by all sessions of this instance; the first receipt of each
 * turn on the process's {@link TurnSideCalls}. Nothing is sent for a session once it is closed (the reply is on its
 * way then, and a receipt with typing after it would show "typing…" under the answer). Thread-safe.
 */
public final class TypingPresence {

    private static final Logger LOG = LoggerFactory.getLogger(TypingPresence.class);
    static final long DEFAULT_REFRESH_SECONDS = 20;
    private static final int DEFAULT_MAX_REFRESHES = 6;
    /** Longest wait at close for the first receipt (the channel's own timeouts normally end it sooner). */
    public static final Duration DEFAULT_FIRST_SHOW_WAIT = Duration.ofSeconds(10);

    private final OutboundChannel channel;
    private final Duration refresh;
    private final int maxRefreshes;
    private final Duration firstShowWait;
    private final Executor sideCalls;
    private volatile ScheduledExecutorService timer;

    /** For tests and tools: a pool of its own for first receipts (production passes the process's {@link TurnSideCalls}). */
    public TypingPresence(OutboundChannel channel) {
        this(channel, Duration.ofSeconds(DEFAULT_REFRESH_SECONDS), DEFAULT_MAX_REFRESHES);
    }

    /** For tests and tools: a pool of its own for first receipts (production passes the process's {@link TurnSideCalls}). */
    public TypingPresence(OutboundChannel channel, Duration refresh, int maxRefreshes) {
        this(channel, refresh, maxRefreshes, DEFAULT_FIRST_SHOW_WAIT, TurnSideCalls.newExecutor(TurnSideCalls.DEFAULT_THREADS));
    }

    /**
     * @param refresh       how often the indicator is shown again while the turn runs (below WhatsApp's 25 s)
     * @param firstShowWait longest wait at close for the first receipt; one still going then is cancelled
     * @param sideCalls     where the first receipt of each turn is sent (the process's {@link TurnSideCalls})
     */
    public TypingPresence(OutboundChannel channel, Duration refresh, int maxRefreshes, Duration firstShowWait,
                          Executor sideCalls) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.firstShowWait = Objects.requireNonNull(firstShowWait, "firstShowWait");
        this.sideCalls = Objects.requireNonNull(sideCalls, "sideCalls");
        if (refresh.isNegative() || refresh.isZero() || maxRefreshes < 0 || firstShowWait.isNegative()) {
            throw new IllegalArgumentException("refresh must be positive, maxRefreshes and firstShowWait not negative");
        }
        this.maxRefreshes = maxRefreshes;
    }

    /**
     * Marks {@code messageId} read with the typing indicator now, and keeps the indicator up until the session closes.
     * The first receipt goes out on its own thread while the turn goes on (the platform call costs a round trip the
     * turn need not wait for); closing the session waits for it, so the indicator never shows after the reply.
     */
    public Session start(Tenant tenant, String messageId) {
        AtomicBoolean closed = new AtomicBoolean();
        FutureTask<Void> first = new FutureTask<>(() -> show(closed, tenant, messageId), null);
        sideCalls.execute(first);
        if (maxRefreshes == 0 || !channel.capabilities(tenant).typingIndicator()) {
            return new Session(closed, first, null, firstShowWait);
        }
        AtomicInteger shown = new AtomicInteger();
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        ScheduledFuture<?> task = timer().scheduleAtFixedRate(() -> {
            if (shown.incrementAndGet() > maxRefreshes) {
                self[0].cancel(false);
                return;
            }
            show(closed, tenant, messageId);
        }, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        self[0] = task;
        return new Session(closed, first, task, firstShowWait);
    }

    private void show(AtomicBoolean closed, Tenant tenant, String messageId) {
        if (closed.get()) {
            return;
        }
        try {
            channel.markRead(tenant, messageId, true);
        } catch (RuntimeException e) {
            // Read receipts are a courtesy; never fail a turn for them.
            LOG.debug("mark-read/typing failed: {}", e.toString());
        }
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
        private final AtomicBoolean closed;
        private final FutureTask<Void> first;
        private final ScheduledFuture<?> refreshing;
        private final Duration firstShowWait;

        private Session(AtomicBoolean closed, FutureTask<Void> first, ScheduledFuture<?> refreshing, Duration firstShowWait) {
            this.closed = closed;
            this.first = first;
            this.refreshing = refreshing;
            this.firstShowWait = firstShowWait;
        }

        @Override
        public void close() {
            closed.set(true);
            if (refreshing != null) {
                refreshing.cancel(false);
            }
            try {
                first.get(firstShowWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                first.cancel(true);
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                // Still on its way (slow token fetch, connect, request): the reply goes now, so this receipt must not
                // land after it with "typing…".
                first.cancel(true);
                LOG.debug("first read receipt cancelled after {}", firstShowWait);
            } catch (ExecutionException | CancellationException e) {
                LOG.debug("first read receipt not confirmed: {}", e.toString());
            }
        }
    }
}
