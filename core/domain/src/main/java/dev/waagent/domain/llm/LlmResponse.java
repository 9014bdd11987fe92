package dev.waagent.domain.llm;

import java.time.Duration;
import java.util.List;

/**
 * A provider's answer.
 *
 * @param provider       configured provider name ({@code openai}, {@code groq}, {@code local}, …)
 * @param model          model id the provider used
 * @param text           the reply text (may be empty when the model only called tools)
 * @param toolCalls      functions the model asked to call
 * @param usage          tokens consumed
 * @param latency        wall time of the call
 * @param needsHuman     the provider could not really answer (the local holding reply) and a person should follow up
 */
public record LlmResponse(
        String provider,
        String model,
        String text,
        List<ToolCall> toolCalls,
        TokenUsage usage,
        Duration latency,
        boolean needsHuman) {

    public LlmResponse {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
