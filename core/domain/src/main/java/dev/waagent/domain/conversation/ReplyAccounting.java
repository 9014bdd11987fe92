package dev.waagent.domain.conversation;

/**
 * What producing a reply cost and how it was found: provider and model, tokens, time, failed calls before the
 * answer, cost in US dollars, whether the response cache answered, the turn's complexity and the route
 * ({@code groq:RATE_LIMITED>openai:OK}), and how well the business's own data supported it.
 *
 * @param needsHuman  the answer was not confident (below the tenant's threshold, a holding reply, the model's
 *                    {@code hand_off}): it counts towards the low-confidence handoff
 * @param confidence  the support the answer was judged on, in [0, 1]; NaN when the turn was not judged (greetings,
 *                    prices, bookings, rule replies…): such an answer neither counts towards nor breaks a
 *                    low-confidence streak
 */
public record ReplyAccounting(String provider, String model, int promptTokens, int completionTokens,
                              long latencyMillis, int fallbacks, boolean needsHuman, double costUsd,
                              boolean cacheHit, String complexity, String route, double confidence) {

    public static final ReplyAccounting NONE = new ReplyAccounting(null, null, 0, 0, 0, 0, false, 0, false, null, null);

    /** Not judged on confidence. */
    public ReplyAccounting(String provider, String model, int promptTokens, int completionTokens, long latencyMillis,
                           int fallbacks, boolean needsHuman, double costUsd, boolean cacheHit, String complexity,
                           String route) {
        this(provider, model, promptTokens, completionTokens, latencyMillis, fallbacks, needsHuman, costUsd, cacheHit,
                complexity, route, Double.NaN);
    }

    /** A reply decided by a rule rather than a model, named by its route. */
    public ReplyAccounting withRoute(String ruleRoute) {
        return new ReplyAccounting("policy", null, 0, 0, 0, 0, false, 0, false, null, ruleRoute);
    }

    /** The same, judged with {@code judged} support (NaN: not judged). */
    public ReplyAccounting withConfidence(double judged) {
        return new ReplyAccounting(provider, model, promptTokens, completionTokens, latencyMillis, fallbacks, needsHuman,
                costUsd, cacheHit, complexity, route, judged);
    }

    /** Whether the answer was judged on confidence (then it breaks a low-confidence streak unless {@link #needsHuman}). */
    public boolean judged() {
        return !Double.isNaN(confidence);
    }
}
