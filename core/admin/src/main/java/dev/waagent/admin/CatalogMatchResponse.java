package dev.waagent.admin;

import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.SpellingCorrection;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** {@code GET …/catalog/match}: what the worker's matcher makes of a customer's words (to tune names and aliases). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record CatalogMatchResponse(String query, String corrected, double correctionConfidence, List<Match> matches) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Match(String id, String sku, String name, double confidence, String kind, String matchedText,
                        String matchedName) {
    }

    static CatalogMatchResponse of(String query, SpellingCorrection correction, List<CatalogMatch> matches) {
        return new CatalogMatchResponse(query, correction.corrected(), correction.confidence(), matches.stream()
                .map(m -> new Match(m.item().id(), m.item().sku(), m.item().name(), m.confidence(),
                        m.kind().name().toLowerCase(java.util.Locale.ROOT), m.matchedText(), m.matchedName()))
                .toList());
    }
}
