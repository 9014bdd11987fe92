package dev.waagent.backoffice;

import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant as an operator writes it ({@code POST /admin/tenants}, {@code PUT /admin/tenants/{id}}). Only
 * {@code name} and {@code phone_number_id} are required; {@code id} is derived from the name when not given.
 * Secret fields are references (names in the secret store), never secret values.
 */
public record TenantCommand(
        @Nullable String id,
        String name,
        String channel,
        String phoneNumberId,
        @Nullable String wabaId,
        @Nullable String displayPhoneNumber,
        @Nullable String appSecretRef,
        @Nullable String accessTokenRef,
        String timezone,
        Map<String, String> businessHours,
        List<String> languages,
        String businessFacts,
        TenantStatus status) {

    public static final Set<String> FIELDS = Set.of("id", "name", "channel", "phone_number_id", "waba_id",
            "display_phone_number", "app_secret_ref", "access_token_ref", "timezone", "business_hours", "languages",
            "business_facts", "status");

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Pattern WHATSAPP_NUMBER_ID = Pattern.compile("[0-9]{5,32}");
    private static final Pattern TWILIO_NUMBER = Pattern.compile("(whatsapp:)?\\+?[0-9]{6,20}");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("[A-Za-z0-9_.:/-]{1,200}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2})?");
    private static final Pattern DISPLAY_NUMBER = Pattern.compile("[0-9 +()-]{4,32}");

    /** Reads and validates a JSON body; every problem is reported at once ({@link InvalidInputException}). */
    public static TenantCommand fromJson(JsonNode body) {
        Problems problems = new Problems();
        JsonFields json = new JsonFields(body, null, problems, FIELDS);
        String channel = json.has("channel") ? json.string("channel") : "whatsapp";
        String statusText = json.string("status");
        TenantStatus status = statusText == null ? TenantStatus.ACTIVE : TenantStatus.parse(statusText).orElse(null);
        if (statusText != null && status == null) {
            problems.add(null, "status", "must be active or suspended");
        }
        List<String> languages = json.strings("languages");
        TenantCommand command = new TenantCommand(
                json.string("id"),
                strip(json.string("name")),
                channel == null ? "whatsapp" : channel.strip().toLowerCase(java.util.Locale.ROOT),
                strip(json.string("phone_number_id")),
                strip(json.string("waba_id")),
                strip(json.string("display_phone_number")),
                strip(json.string("app_secret_ref")),
                strip(json.string("access_token_ref")),
                json.has("timezone") ? strip(json.string("timezone")) : "UTC",
                json.scalarMap("business_hours"),
                languages.isEmpty() ? List.of("en") : languages,
                json.has("business_facts") ? json.string("business_facts") : "",
                status == null ? TenantStatus.ACTIVE : status);
        return command.validated(problems);
    }

    /** Checks every field; returns this command with business hours normalised, or throws with every problem. */
    public TenantCommand validated(Problems problems) {
        if (id != null) {
            problems.check(TENANT_ID.matcher(id).matches(), null, "id", "must be 3-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        problems.text(name, true, 200, null, "name");
        problems.check("whatsapp".equals(channel) || "twilio".equals(channel), null, "channel", "must be whatsapp or twilio");
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            problems.add(null, "phone_number_id", "is required");
        } else if ("twilio".equals(channel)) {
            problems.check(TWILIO_NUMBER.matcher(phoneNumberId).matches(), null, "phone_number_id", "must be the Twilio sender number, e.g. whatsapp:+14155238886");
        } else {
            problems.check(WHATSAPP_NUMBER_ID.matcher(phoneNumberId).matches(), null, "phone_number_id", "must be Meta's numeric phone number id");
        }
        if (wabaId != null) {
            problems.check(WHATSAPP_NUMBER_ID.matcher(wabaId).matches(), null, "waba_id", "must be Meta's numeric WhatsApp business account id");
        }
        if (displayPhoneNumber != null) {
            problems.check(DISPLAY_NUMBER.matcher(displayPhoneNumber).matches(), null, "display_phone_number", "must be a phone number");
        }
        for (Map.Entry<String, String> ref : Map.of("app_secret_ref", nullToEmpty(appSecretRef), "access_token_ref",
                nullToEmpty(accessTokenRef)).entrySet()) {
            if (!ref.getValue().isEmpty()) {
                problems.check(SECRET_REFERENCE.matcher(ref.getValue()).matches(), null, ref.getKey(),
                        "must be the name of a secret (letters, digits, _ . : / -), never the secret itself");
            }
        }
        try {
            ZoneId.of(timezone == null ? "" : timezone);
        } catch (DateTimeException e) {
            problems.add(null, "timezone", "must be an IANA time zone such as Asia/Kolkata");
        }
        problems.check(languages.size() <= 10, null, "languages", "has more than 10 items");
        for (int i = 0; i < languages.size(); i++) {
            problems.check(languages.get(i) != null && LANGUAGE.matcher(languages.get(i)).matches(), null,
                    "languages[" + i + "]", "must be a language code such as en, hi or id");
        }
        problems.text(businessFacts, false, 8000, null, "business_facts");
        Map<String, String> hours = BusinessHours.validate(businessHours, null, problems);
        problems.throwIfAny();
        return new TenantCommand(id, name, channel, phoneNumberId, wabaId, displayPhoneNumber, appSecretRef,
                accessTokenRef, timezone, hours, List.copyOf(languages), businessFacts == null ? "" : businessFacts, status);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
