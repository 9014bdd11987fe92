package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/** A knowledge entry as the admin API returns it (never its vectors: only which model made them). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record KnowledgeEntryView(
        String id,
        String type,
        String title,
        String content,
        List<String> questions,
        List<String> keywords,
        String category,
        int priority,
        boolean active,
        long version,
        @Nullable String embeddingModel,
        Instant createdAt,
        Instant updatedAt) {
}
