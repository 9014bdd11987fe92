package dev.waagent.domain.intent;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A turn's intents, in the order the customer raised them, and how they were found.
 *
 * @param intents   never empty
 * @param stage     the stage whose answer this is
 * @param ambiguous rules and embeddings did not settle the turn (the LLM was asked, or would have been)
 */
public record IntentResolution(List<Intent> intents, IntentStage stage, boolean ambiguous) {

    public IntentResolution {
        intents = List.copyOf(intents);
        if (intents.isEmpty()) {
            throw new IllegalArgumentException("a resolution has at least one intent");
        }
    }

    public Intent primary() {
        return intents.get(0);
    }

    public boolean contains(Intent intent) {
        return intents.contains(intent);
    }

    /** "greeting, availability, pricing": for prompts. */
    public String describe() {
        return intents.stream().map(i -> i.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", "));
    }

    /** Intent names in order, as recorded on the turn. */
    public List<String> names() {
        return intents.stream().map(Intent::name).toList();
    }
}
