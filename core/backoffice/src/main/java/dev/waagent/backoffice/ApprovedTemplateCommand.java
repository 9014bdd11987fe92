package dev.waagent.backoffice;

import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.domain.tenant.ApprovedTemplate;
import io.micronaut.json.tree.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An approved template for one purpose ({@code PUT /admin/tenants/{id}/templates/{purpose}}):
 * {@code {"name": "follow_up_question", "language": "en_US", "parameters": ["customer_name", "business_name"]}}.
 * The name and language are Meta's (as approved in WhatsApp Manager); {@code parameters} say what fills
 * {@code {{1}}}, {@code {{2}}}, … of its body.
 */
public record ApprovedTemplateCommand(String purpose, String name, String language, List<String> parameters) {

    public static final Set<String> FIELDS = Set.of("name", "language", "parameters");
    /** What the agent knows to fill a parameter with, per purpose (in the order the error message lists them). */
    public static final Map<String, List<String>> PARAMETERS = Map.of(
            ApprovedTemplate.FOLLOW_UP, List.of("customer_name", "topic", "business_name", "item", "date"),
            ApprovedTemplate.BOOKING_REMINDER, List.of("customer_name", "topic", "business_name", "item", "date"),
            // A notice to staff: who (name + number), why, what the customer wrote or the notice itself, to whom.
            ApprovedTemplate.STAFF_ALERT, List.of("business_name", "customer", "customer_name", "reason", "summary", "staff_name"));
    public static final Set<String> PURPOSES = PARAMETERS.keySet();
    /** Meta's template names: lower case, digits and underscores, at most 512. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    /** {@code en}, {@code fil}, {@code en_US}, {@code es_AR}, {@code zh_HK}. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,3})?");

    public static ApprovedTemplateCommand fromJson(String purpose, JsonNode body) {
        Problems problems = new Problems();
        JsonFields json = new JsonFields(body, null, problems, FIELDS);
        String name = json.string("name");
        String language = json.string("language");
        List<String> parameters = json.strings("parameters");
        problems.check(purpose != null && PURPOSES.contains(purpose), null, "purpose",
                "must be follow_up, booking_reminder or staff_alert");
        problems.check(name != null && NAME.matcher(name.strip()).matches(), null, "name",
                "must be the approved template's name (a-z, 0-9 and _, at most 512)");
        problems.check(language != null && LANGUAGE.matcher(language.strip()).matches(), null, "language",
                "must be the approved translation's code, e.g. en_US, id or hi");
        problems.check(parameters.size() <= 10, null, "parameters", "has more than 10 items");
        List<String> known = PARAMETERS.getOrDefault(purpose, PARAMETERS.get(ApprovedTemplate.FOLLOW_UP));
        for (int i = 0; i < parameters.size(); i++) {
            problems.check(known.contains(parameters.get(i)), null, "parameters[" + i + "]",
                    "must be one of " + String.join(", ", known));
        }
        problems.throwIfAny();
        return new ApprovedTemplateCommand(purpose, name.strip(), language.strip(), List.copyOf(parameters));
    }
}
