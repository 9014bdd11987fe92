package dev.waagent.domain.turn;

import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.routing.RouteReport;
import dev.waagent.domain.tenant.Tenant;

/** Produces the reply for a prepared prompt. Always answers: the last resort never fails. */
public interface ReplyGenerator {

    GeneratedReply generate(Tenant tenant, LlmRequest request);

    /**
     * The answer, how many provider calls failed before it, the route taken, and what generation knows about the
     * answer (confidence, a {@code hand_off} request) for the handoff decision.
     */
    record GeneratedReply(LlmResponse response, int fallbacks, RouteReport route, GenerationSignals signals) {

        public GeneratedReply {
            signals = signals == null ? GenerationSignals.NONE : signals;
        }

        public GeneratedReply(LlmResponse response, int fallbacks, RouteReport route) {
            this(response, fallbacks, route, GenerationSignals.NONE);
        }
    }
}
