package dev.waagent.domain.tenant;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A business using the agent, as the runtime needs it: how to route to it, how to sign and send on its behalf
 * (secret references, never the secrets), and what the agent should be like.
 *
 * @param channel          {@code whatsapp} (Meta Cloud API) or {@code twilio}
 * @param businessNumberId Meta {@code phone_number_id} (or the Twilio sender number)
 * @param appSecretRef     reference to the app secret used to verify webhook signatures
 * @param accessTokenRef   reference to the token used to send
 * @param agentName        how the assistant introduces itself
 * @param persona          personality, tone and rules, written by the business
 * @param businessFacts    address, hours, policies: facts the agent may state
 * @param providerOrder    LLM providers to try, in order; empty means the application default
 * @param staff            the business's staff: their messages are commands; owners get the briefing
 * @param openingHours     when people answer (handoffs outside them tell the customer when a person replies)
 * @param templates        approved message templates by purpose (the only way to write outside the 24-hour window)
 * @param richMessages     the business allows reply buttons, lists and cards (agent configuration's rich-messages
 *                         flag); otherwise every reply goes as text
 */
public record Tenant(
        String id,
        String name,
        String channel,
        String businessNumberId,
        String displayPhoneNumber,
        String appSecretRef,
        String accessTokenRef,
        String agentName,
        String persona,
        String businessFacts,
        ZoneId timezone,
        List<String> languages,
        List<String> providerOrder,
        boolean active,
        List<StaffContact> staff,
        OpeningHours openingHours,
        List<ApprovedTemplate> templates,
        boolean richMessages) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessNumberId, "businessNumberId");
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        languages = languages == null ? List.of("en") : List.copyOf(languages);
        providerOrder = providerOrder == null ? List.of() : List.copyOf(providerOrder);
        staff = staff == null ? List.of() : List.copyOf(staff);
        openingHours = openingHours == null ? OpeningHours.UNKNOWN : openingHours;
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    /** A tenant that sends text only (no rich messages). */
    public Tenant(String id, String name, String channel, String businessNumberId, String displayPhoneNumber,
                  String appSecretRef, String accessTokenRef, String agentName, String persona, String businessFacts,
                  ZoneId timezone, List<String> languages, List<String> providerOrder, boolean active,
                  List<StaffContact> staff, OpeningHours openingHours, List<ApprovedTemplate> templates) {
        this(id, name, channel, businessNumberId, displayPhoneNumber, appSecretRef, accessTokenRef, agentName, persona,
                businessFacts, timezone, languages, providerOrder, active, staff, openingHours, templates, false);
    }

    /** A tenant without staff, known opening hours or templates (tests, demos, a business not yet set up). */
    public Tenant(String id, String name, String channel, String businessNumberId, String displayPhoneNumber,
                  String appSecretRef, String accessTokenRef, String agentName, String persona, String businessFacts,
                  ZoneId timezone, List<String> languages, List<String> providerOrder, boolean active) {
        this(id, name, channel, businessNumberId, displayPhoneNumber, appSecretRef, accessTokenRef, agentName, persona,
                businessFacts, timezone, languages, providerOrder, active, List.of(), OpeningHours.UNKNOWN, List.of(), false);
    }

    /** The staff member writing from {@code waId}, if the number is one of the business's staff. */
    public Optional<StaffContact> staffMember(String waId) {
        return staff.stream().filter(member -> member.waId().equals(waId)).findFirst();
    }

    /** Who gets the morning briefing: the owners (the first staff member when nobody is marked owner). */
    public List<StaffContact> owners() {
        List<StaffContact> owners = staff.stream().filter(StaffContact::isOwner).toList();
        return owners.isEmpty() && !staff.isEmpty() ? List.of(staff.get(0)) : owners;
    }

    /** The same tenant with rich messages allowed or not. */
    public Tenant withRichMessages(boolean allowed) {
        return new Tenant(id, name, channel, businessNumberId, displayPhoneNumber, appSecretRef, accessTokenRef, agentName,
                persona, businessFacts, timezone, languages, providerOrder, active, staff, openingHours, templates, allowed);
    }

    /** The approved template the tenant uses for {@code purpose}, if any. */
    public Optional<ApprovedTemplate> template(String purpose) {
        return templates.stream().filter(template -> template.purpose().equals(purpose)).findFirst();
    }
}
