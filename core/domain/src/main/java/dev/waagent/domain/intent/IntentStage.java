package dev.waagent.domain.intent;

import java.util.Locale;

/** Which stage of {@link IntentRouter} decided a turn's intents. */
public enum IntentStage {
    /** The rules ({@link IntentClassifier}), unopposed by the similarity stages. */
    RULES,
    /** Sentence-embedding similarity to the exemplar messages, where the rules found nothing. */
    EMBEDDING,
    /** Character n-gram similarity to the exemplar messages, where the rules found nothing and embeddings had no say. */
    LEXICAL,
    /** The language model, asked because rules and similarity left the turn ambiguous. */
    LLM;

    /** As recorded on the turn. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
