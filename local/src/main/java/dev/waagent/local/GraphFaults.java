package dev.waagent.local;

import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures the Graph API stand-in should answer with for a recipient, in order (e.g. two 500s, then normal).
 * Used by failure tests and the load harness to exercise retries the way a flaky Meta would.
 */
@Singleton
public class GraphFaults {

    /** A Graph error answer: HTTP status, Meta error code, message. */
    public record Fault(int httpStatus, int code, String message) {
        public static Fault serverError() {
            return new Fault(500, 2, "Service temporarily unavailable");
        }
    }

    private final Map<String, Deque<Fault>> planned = new ConcurrentHashMap<>();

    public void plan(String recipient, Fault... faults) {
        Deque<Fault> queue = planned.computeIfAbsent(recipient, r -> new ArrayDeque<>());
        synchronized (queue) {
            for (Fault fault : faults) {
                queue.addLast(fault);
            }
        }
    }

    Fault next(String recipient) {
        Deque<Fault> queue = planned.get(recipient);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.pollFirst();
        }
    }
}
