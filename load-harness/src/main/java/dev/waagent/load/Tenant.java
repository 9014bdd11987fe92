package dev.waagent.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of {@code GET /local/tenants}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tenant(String id, String name, String channel, String phoneNumberId, String displayPhoneNumber) {
}
