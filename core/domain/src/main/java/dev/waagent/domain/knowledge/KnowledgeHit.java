package dev.waagent.domain.knowledge;

/**
 * One search result.
 *
 * @param score           the blended relevance in [0, 1], comparable with a tenant's confidence threshold
 * @param semanticScore   calibrated vector similarity in [0, 1] (0 when the query could not be embedded)
 * @param lexicalScore    BM25 score normalised to [0, 1] by what a perfect match of the query would score
 * @param matchedQuestion the example question closest to the query, when one was the best match
 */
public record KnowledgeHit(KnowledgeEntry entry, double score, double semanticScore, double lexicalScore,
                           String matchedQuestion) {
}
