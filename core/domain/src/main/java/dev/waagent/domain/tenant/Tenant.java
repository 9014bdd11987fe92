package dev.waagent.domain.tenant;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

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
        boolean active) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessNumberId, "businessNumberId");
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        languages = languages == null ? List.of("en") : List.copyOf(languages);
        providerOrder = providerOrder == null ? List.of() : List.copyOf(providerOrder);
    }
}
