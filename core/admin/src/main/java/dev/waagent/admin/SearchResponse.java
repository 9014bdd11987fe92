package dev.waagent.admin;

import dev.waagent.domain.knowledge.KnowledgeHit;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** {@code GET …/knowledge/search}: hits best first, each with its blended score and the two halves of it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record SearchResponse(String query, int k, List<Hit> hits) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Hit(String id, String title, String category, String type, double score, double semanticScore,
                      double lexicalScore, @Nullable String matchedQuestion, String content) {

        static Hit of(KnowledgeHit hit) {
            return new Hit(hit.entry().id(), hit.entry().title(), hit.entry().category(), hit.entry().type().wireName(),
                    hit.score(), hit.semanticScore(), hit.lexicalScore(), hit.matchedQuestion(), hit.entry().content());
        }
    }

    static SearchResponse of(String query, int k, List<KnowledgeHit> hits) {
        return new SearchResponse(query, k, hits.stream().map(Hit::of).toList());
    }
}
