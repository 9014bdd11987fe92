package dev.waagent.domain.intent;

import java.util.Locale;

/** Which stage of {@link IntentRouter} decided a turn's intents. */
public enum IntentStage {
    /** The rules ({@link IntentClassifier}), unopposed by the embedding stage. */
    RULES,
    /** Similarity to the exemplar messages, where the rules found nothing. */
    EMBEDDING,
    /** The language model, asked because rules and embeddings left the turn ambiguous. */
    LLM;

    /** As recorded on the turn. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
