package dev.waagent.domain.tenant;

import java.util.Objects;

/**
 * A staff member as the runtime needs them: their WhatsApp number makes their messages commands, not customer
 * turns, and tells the agent where to send handoff notices and the owner's morning briefing.
 *
 * @param waId the member's WhatsApp id (digits, with country code, no {@code +})
 */
public record StaffContact(String waId, String name, Role role) {

    public enum Role {
        /** Gets the daily briefing and every command. */
        OWNER,
        /** Takes handed-off conversations. */
        STAFF
    }

    public StaffContact {
        Objects.requireNonNull(waId, "waId");
        name = name == null ? "" : name;
        role = role == null ? Role.STAFF : role;
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }
}
