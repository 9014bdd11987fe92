package dev.waagent.backoffice;

/** The write conflicts with the current state: a number another tenant owns, a stale version. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
