package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/** An approved template as the admin API shows it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record ApprovedTemplateView(String purpose, String name, String language, List<String> parameters, Instant updatedAt) {
}
