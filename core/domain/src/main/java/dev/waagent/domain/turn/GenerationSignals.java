package dev.waagent.domain.turn;

/**
 * What the generation side knows about its answer beyond the text, for the handoff decision.
 *
 * @param confidence       how sure the answer is, in [0, 1] (e.g. the best knowledge hit's score); NaN when not known
 * @param handOffRequested the model called the {@code hand_off} tool: a person should take over
 * @param handOffReason    the reason the model gave (may be null)
 */
public record GenerationSignals(double confidence, boolean handOffRequested, String handOffReason) {

    public static final GenerationSignals NONE = new GenerationSignals(Double.NaN, false, null);

    public static GenerationSignals confidence(double confidence) {
        return new GenerationSignals(confidence, false, null);
    }

    public static GenerationSignals handOff(String reason) {
        return new GenerationSignals(Double.NaN, true, reason);
    }
}
