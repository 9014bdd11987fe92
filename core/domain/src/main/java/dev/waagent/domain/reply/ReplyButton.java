package dev.waagent.domain.reply;

/**
 * A reply button: {@code id} comes back in the customer's {@code button_reply}, {@code title} is what they see and
 * tap (≤ {@value WhatsAppLimits#BUTTON_TITLE}, unique, no markdown).
 */
public record ReplyButton(String id, String title) {
    public ReplyButton {
        id = id == null ? "" : id;
        title = title == null ? "" : title;
    }
}
