package dev.waagent.domain.conversation;

/**
 * What producing a reply cost and how it was found: provider and model, tokens, time, failed calls before the
 * answer, cost in US dollars, whether the response cache answered, the turn's complexity and the route
 * ({@code groq:RATE_LIMITED>openai:OK}).
 */
public record ReplyAccounting(String provider, String model, int promptTokens, int completionTokens,
                              long latencyMillis, int fallbacks, boolean needsHuman, double costUsd,
                              boolean cacheHit, String complexity, String route) {

    public static final ReplyAccounting NONE = new ReplyAccounting(null, null, 0, 0, 0, 0, false, 0, false, null, null);

    /** A reply decided by a rule rather than a model, named by its route. */
    public ReplyAccounting withRoute(String ruleRoute) {
        return new ReplyAccounting("policy", null, 0, 0, 0, 0, false, 0, false, null, ruleRoute);
    }
}
