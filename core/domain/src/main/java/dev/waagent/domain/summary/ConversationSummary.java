package dev.waagent.domain.summary;

import java.util.List;

/**
 * A conversation's summary and key facts, and how they were made.
 *
 * @param source     the provider that wrote it, or {@link ExtractiveSummarizer#SOURCE} for the local fallback
 * @param route      the chain's route ({@code groq:OK}, {@code openai:TIMEOUT>local:OK}) or {@code extractive}
 */
public record ConversationSummary(String summary, List<String> keyFacts, String source, String route,
                                  int promptTokens, int completionTokens, double costUsd) {

    public ConversationSummary {
        summary = summary == null ? "" : summary.strip();
        keyFacts = keyFacts == null ? List.of() : List.copyOf(keyFacts);
    }

    public boolean extractive() {
        return ExtractiveSummarizer.SOURCE.equals(source);
    }
}
