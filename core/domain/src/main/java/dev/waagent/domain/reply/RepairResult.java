package dev.waagent.domain.reply;

import java.util.List;

/**
 * The parts to send, in order, and what was changed to make them acceptable.
 *
 * @param parts   every one valid; empty when nothing could be sent (blank reply, unusable template)
 * @param repairs distinct changes, in the order they were made; empty when the reply was sent as given
 */
public record RepairResult(List<OutboundPart> parts, List<RepairKind> repairs) {

    public RepairResult {
        parts = List.copyOf(parts);
        repairs = List.copyOf(repairs);
    }

    public boolean repaired() {
        return !repairs.isEmpty();
    }

    public boolean sendable() {
        return !parts.isEmpty();
    }
}
