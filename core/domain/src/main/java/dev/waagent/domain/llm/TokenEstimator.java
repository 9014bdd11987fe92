package dev.waagent.domain.llm;

import java.util.List;

/**
 * Counts prompt tokens the way the project's one token counter does (jtokkit {@code o200k_base} in core/llm), so
 * the domain can keep a prompt within its budget without knowing the tokenizer.
 */
public interface TokenEstimator {

    /** Tokens of plain text. */
    int count(String text);

    /** Tokens of a chat prompt, framing included. */
    int count(List<ChatMessage> messages);

    /** What function definitions add to a prompt (an approximation). */
    int countTools(List<ToolDefinition> tools);
}
