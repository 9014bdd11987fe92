package dev.waagent.backoffice.internal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code approved_templates}: one per tenant and purpose, {@code id} = {@code <tenant>:<purpose>};
 * {@code parameters} is a JSON list ({@link JsonColumns}).
 */
@MappedEntity(value = "approved_templates", escape = false)
public record ApprovedTemplateRow(@Id String id, String tenantId, String purpose, String name, String language,
                                  String parameters, Instant updatedAt) {

    public static String idOf(String tenantId, String purpose) {
        return tenantId + ":" + purpose;
    }
}
