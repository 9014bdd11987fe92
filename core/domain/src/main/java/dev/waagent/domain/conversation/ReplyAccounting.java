package dev.waagent.domain.conversation;

/** What producing a reply cost: which provider and model, tokens, time, fallbacks taken. */
public record ReplyAccounting(String provider, String model, int promptTokens, int completionTokens,
                              long latencyMillis, int fallbacks, boolean needsHuman) {

    public static final ReplyAccounting NONE = new ReplyAccounting(null, null, 0, 0, 0, 0, false);
}
