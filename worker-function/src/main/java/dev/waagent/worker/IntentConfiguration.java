package dev.waagent.worker;

import dev.waagent.domain.intent.IntentSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code wa.intents.*}: intent routing after the rules. Defaults are {@link IntentSettings#defaults()}, whose
 * thresholds were chosen for the in-process bge-small model; a different embedding model needs its own.
 * {@code wa.intents.embeddings-enabled=false} leaves the embedding stage out (see {@code WorkerFactory}); the lexical
 * stage needs no model and is always on.
 */
@ConfigurationProperties("wa.intents")
public interface IntentConfiguration {

    @Bindable(defaultValue = "5")
    @Min(1)
    int getNeighbours();

    @Bindable(defaultValue = "0.20")
    double getMinSimilarity();

    @Bindable(defaultValue = "0.09")
    double getMinMargin();

    /** k of the lexical (character n-gram) stage; see {@link IntentSettings#defaults()}. */
    @Bindable(defaultValue = "2")
    @Min(1)
    int getLexicalNeighbours();

    @Bindable(defaultValue = "0.15")
    double getLexicalMinSimilarity();

    @Bindable(defaultValue = "0.10")
    double getLexicalMinMargin();

    /** After an embedder failure the embedding stage sits out this long (rules and the lexical stage carry on). */
    @Bindable(defaultValue = "60s")
    @NotNull
    Duration getEmbeddingCooldown();

    /** Ask the model about turns rules and similarity leave ambiguous. */
    @Bindable(defaultValue = "true")
    boolean isLlmEnabled();

    @Bindable(defaultValue = "2500ms")
    @NotNull
    Duration getLlmDeadline();

    @Bindable(defaultValue = "40")
    @Min(8)
    int getLlmMaxTokens();

    default IntentSettings toSettings() {
        return new IntentSettings(getNeighbours(), getMinSimilarity(), getMinMargin(), getLexicalNeighbours(),
                getLexicalMinSimilarity(), getLexicalMinMargin(), getEmbeddingCooldown(), isLlmEnabled(), getLlmDeadline(),
                getLlmMaxTokens());
    }
}
