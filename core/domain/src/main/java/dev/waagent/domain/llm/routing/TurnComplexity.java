package dev.waagent.domain.llm.routing;

import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmRequest;

import java.util.regex.Pattern;

/**
 * How hard a turn is, decided from the customer's part of the prompt: short single questions and greetings are
 * {@link #SIMPLE}; long, multi-message or multi-question turns are {@link #COMPLEX}.
 */
public enum TurnComplexity {
    SIMPLE, COMPLEX;

    private static final Pattern QUESTION = Pattern.compile("\\?");

    public static TurnComplexity of(LlmRequest request, int simpleMaxChars) {
        String turn = request.lastUserText().strip();
        long lines = turn.lines().filter(line -> !line.isBlank()).count();
        long questions = QUESTION.matcher(turn).results().count();
        boolean usesTools = !request.tools().isEmpty();
        boolean hasHistory = request.messages().stream().filter(m -> m.role() == ChatRole.ASSISTANT).count() > 2;
        if (turn.length() <= simpleMaxChars && lines <= 1 && questions <= 1 && !usesTools && !hasHistory) {
            return SIMPLE;
        }
        return COMPLEX;
    }
}
