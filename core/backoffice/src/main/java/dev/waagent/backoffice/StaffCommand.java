package dev.waagent.backoffice;

import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import io.micronaut.json.tree.JsonNode;

import java.util.Set;
import java.util.regex.Pattern;

/** A staff member: {@code {"wa_id": "919812345678", "name": "Ravi", "role": "owner|staff"}}. */
public record StaffCommand(String waId, String name, StaffRole role) {

    public static final Set<String> FIELDS = Set.of("wa_id", "name", "role");
    private static final Pattern WA_ID = Pattern.compile("[0-9]{6,15}");

    public static StaffCommand fromJson(JsonNode body) {
        Problems problems = new Problems();
        JsonFields json = new JsonFields(body, null, problems, FIELDS);
        String roleText = json.string("role");
        StaffRole role = roleText == null ? StaffRole.STAFF : StaffRole.parse(roleText).orElse(null);
        if (role == null) {
            problems.add(null, "role", "must be owner or staff");
        }
        String waId = json.string("wa_id");
        String name = json.string("name");
        StaffCommand command = new StaffCommand(waId == null ? null : waId.strip().replace("+", ""),
                name == null ? null : name.strip(), role == null ? StaffRole.STAFF : role);
        if (command.waId() == null || command.waId().isEmpty()) {
            problems.add(null, "wa_id", "is required");
        } else {
            problems.check(WA_ID.matcher(command.waId()).matches(), null, "wa_id",
                    "must be the WhatsApp number in international format, digits only (e.g. 919812345678)");
        }
        problems.text(command.name(), true, 120, null, "name");
        problems.throwIfAny();
        return command;
    }
}
