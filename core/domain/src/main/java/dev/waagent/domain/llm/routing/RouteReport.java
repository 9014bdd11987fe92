package dev.waagent.domain.llm.routing;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a turn's answer was found, recorded with the reply.
 *
 * @param attempts each provider tried, as {@code name:OUTCOME} (OK, RATE_LIMITED, TIMEOUT, OPEN, …), in order
 * @param costUsd  what the successful call cost (failed calls are free or unknown)
 */
public record RouteReport(TurnComplexity complexity, List<String> attempts, boolean cacheHit, BigDecimal costUsd) {

    public RouteReport {
        attempts = List.copyOf(attempts);
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
    }

    public String path() {
        return String.join(">", attempts);
    }
}
