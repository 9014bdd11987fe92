package dev.waagent.backoffice.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code knowledge_entries}; {@code deletedAt} set means soft-deleted. */
@MappedEntity(value = "knowledge_entries", escape = false)
public record KnowledgeRow(
        @Id String id,
        String tenantId,
        String entryType,
        String title,
        String content,
        String questions,
        String keywords,
        String category,
        int priority,
        boolean active,
        long version,
        @Nullable byte[] embedding,
        @Nullable String embeddingModel,
        @Nullable Integer embeddingDimensions,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {
}
