package dev.waagent.domain.turn;

import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.routing.RouteReport;
import dev.waagent.domain.tenant.Tenant;

/** Produces the reply for a prepared prompt. Always answers: the last resort never fails. */
public interface ReplyGenerator {

    GeneratedReply generate(Tenant tenant, LlmRequest request);

    /** The answer, how many provider calls failed before it, and the route taken. */
    record GeneratedReply(LlmResponse response, int fallbacks, RouteReport route) {
    }
}
