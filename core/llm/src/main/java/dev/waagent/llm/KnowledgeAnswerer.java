package dev.waagent.llm;

import dev.waagent.domain.llm.LlmRequest;
import java.util.Optional;

/**
 * The seam through which {@link LocalResponder} answers from the tenant's own data when every model provider has
 * failed (the worker wires the domain's grounded answers: catalog prices, a confident knowledge entry);
 * {@link #none()} keeps the local responder to honest holding replies. In the worker's composed path the composer
 * then does more with the agent's tools (dev.waagent.domain.context.LastResortAnswer).
 *
 * <p>An implementation must be local and fast (it runs when the network or the deadline has already failed us),
 * must return empty unless retrieval is confident, and must answer only with text taken from the tenant's own
 * entries, in the customer's language ({@link LlmRequest#language()}). It should not throw; if it does, the
 * local responder falls back to the holding reply.
 */
@FunctionalInterface
public interface KnowledgeAnswerer {

    /** The answer to the customer's last message, or empty when the knowledge base has no confident answer. */
    Optional<String> answer(LlmRequest request);

    /** Answers nothing: the local responder always holds. */
    static KnowledgeAnswerer none() {
        return request -> Optional.empty();
    }
}
