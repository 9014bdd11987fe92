package dev.waagent.domain;

/** Masks personal data before it reaches a log line: phone numbers and message text never appear in clear. */
public final class Masking {

    private Masking() {
    }

    /** {@code 919876543210} becomes {@code 9198****3210}; short or null ids are fully masked. */
    public static String phone(String id) {
        if (id == null || id.isEmpty()) {
            return "-";
        }
        if (id.length() <= 6) {
            return "****";
        }
        return id.substring(0, 4) + "****" + id.substring(id.length() - 4);
    }

    /** Message text is reduced to its length. */
    public static String text(String text) {
        return text == null ? "<none>" : "<" + text.length() + " chars>";
    }
}
