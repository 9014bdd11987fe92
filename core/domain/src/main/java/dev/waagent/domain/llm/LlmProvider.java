package dev.waagent.domain.llm;

/**
 * One configured language-model endpoint. Implementations make exactly one attempt per call (retries and
 * fallback belong to the chain that calls them) and translate every failure into an {@link LlmException}.
 */
public interface LlmProvider {

    /** Configured name, unique among providers ({@code openai}, {@code groq}, {@code bedrock}, {@code local}). */
    String name();

    LlmResponse complete(LlmRequest request) throws LlmException;
}
