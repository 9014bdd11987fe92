package dev.waagent.domain.llm;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a provider is asked to complete.
 *
 * @param tenantId    whose turn this is (for accounting and per-tenant configuration)
 * @param messages    system prompt, history and the customer's turn, in order
 * @param tools       functions the model may call (empty when none)
 * @param maxTokens   upper bound for the completion
 * @param temperature sampling temperature
 * @param timeout     how long this call may take: the remaining part of the turn's deadline
 * @param language    the customer's language as a BCP-47 tag ({@code en}, {@code hi}, {@code id}); a hint for replies
 */
public record LlmRequest(
        String tenantId,
        List<ChatMessage> messages,
        List<ToolDefinition> tools,
        int maxTokens,
        double temperature,
        Duration timeout,
        Locale language) {

    public LlmRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        Objects.requireNonNull(timeout, "timeout");
        language = language == null ? Locale.ENGLISH : language;
    }

    public LlmRequest withTimeout(Duration remaining) {
        return new LlmRequest(tenantId, messages, tools, maxTokens, temperature, remaining, language);
    }

    /** The last user message, which is what a responder without a model answers. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == ChatRole.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
