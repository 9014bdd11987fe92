package dev.waagent.domain.llm;

/**
 * Tokens a call consumed.
 *
 * @param estimated true when the provider gave no usage and the numbers are our own count
 */
public record TokenUsage(int promptTokens, int completionTokens, boolean estimated) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, false);

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
