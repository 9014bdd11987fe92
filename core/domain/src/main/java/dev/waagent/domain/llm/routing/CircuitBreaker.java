package dev.waagent.domain.llm.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * One provider's circuit: opens after {@code failureThreshold} consecutive failures, lets one trial call through
 * after {@code cooldown} (half-open), closes on a success and reopens on a failure. An open provider is skipped
 * without waiting. Thread-safe.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration cooldown;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;
    private long timesOpened;

    public CircuitBreaker(int failureThreshold, Duration cooldown) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.cooldown = cooldown;
    }

    /** Whether a call may go out now; in half-open state only one trial call at a time. */
    public synchronized boolean tryAcquire(Instant now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now.isBefore(openedAt.plus(cooldown))) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            case HALF_OPEN:
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** @return true when this failure opened the circuit */
    public synchronized boolean onFailure(Instant now) {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            boolean opened = state != State.OPEN;
            state = State.OPEN;
            openedAt = now;
            if (opened) {
                timesOpened++;
            }
            return opened;
        }
        return false;
    }

    /** Opens at once, e.g. for a provider whose key was refused: nothing will work until the cooldown passes. */
    public synchronized void forceOpen(Instant now) {
        if (state != State.OPEN) {
            timesOpened++;
        }
        state = State.OPEN;
        openedAt = now;
        trialInFlight = false;
    }

    public synchronized State state(Instant now) {
        if (state == State.OPEN && !now.isBefore(openedAt.plus(cooldown))) {
            return State.HALF_OPEN;
        }
        return state;
    }

    public synchronized long timesOpened() {
        return timesOpened;
    }
}
