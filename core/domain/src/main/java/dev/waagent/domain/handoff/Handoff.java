package dev.waagent.domain.handoff;

import java.util.Objects;

/**
 * A decision to hand the conversation to a person.
 *
 * @param detail what triggered it (the topic, the model's reason), or null
 */
public record Handoff(HandoffReason reason, String detail) {

    public Handoff {
        Objects.requireNonNull(reason, "reason");
    }

    /** The reason as stored on the conversation and shown to staff. */
    public String describe() {
        return detail == null || detail.isBlank() ? reason.label() : reason.label() + ": " + detail;
    }
}
