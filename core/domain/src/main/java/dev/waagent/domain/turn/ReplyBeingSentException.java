package dev.waagent.domain.turn;

/** A recorded reply is being sent by another worker; the trigger must be retried later, not dropped. */
public class ReplyBeingSentException extends RuntimeException {
    public ReplyBeingSentException(String message) {
        super(message);
    }
}
