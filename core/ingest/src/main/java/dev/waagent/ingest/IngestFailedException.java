package dev.waagent.ingest;

/** Persisting or enqueueing failed: answer 5xx so the platform delivers again. */
public class IngestFailedException extends RuntimeException {
    public IngestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
