package dev.waagent.domain.reply;

import java.util.List;

/**
 * What the turn has to say, before the form is chosen.
 *
 * @param text    the model's answer (Markdown allowed)
 * @param options explicit choices (from a tool or the catalog); when empty, the planner looks for a choice list at
 *                the end of {@code text}
 * @param card    one catalog item with a photo, or {@code null}
 */
public record ReplyDraft(String text, List<ReplyOption> options, CardItem card) {

    public ReplyDraft {
        text = text == null ? "" : text;
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static ReplyDraft of(String text) {
        return new ReplyDraft(text, List.of(), null);
    }

    /** An item to show as a card: its name (bold first line of the caption) and photo. */
    public record CardItem(String title, MediaRef image) {
    }
}
