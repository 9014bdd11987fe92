package dev.waagent.domain.reply;

/**
 * Meta's limits on outbound WhatsApp messages (fixtures/README.md §3; Meta docs and the v23.0 OpenAPI schema).
 * Lengths are counted in UTF-16 units ({@link String#length()}), the stricter reading of Meta's "characters": an
 * emoji counts as two here and at most two at Meta, so nothing within these limits is refused for length.
 */
public final class WhatsAppLimits {

    /** {@code text.body}. */
    public static final int TEXT_BODY = 4096;
    /**
     * {@code interactive.body.text}: 1024 for reply buttons; the list page says 4096 (Nov 2025) while the OpenAPI
     * {@code BodyObject} says 1024. The stricter value is used for every interactive message.
     */
    public static final int INTERACTIVE_BODY = 1024;
    /** {@code interactive.header.text}. */
    public static final int HEADER_TEXT = 60;
    /** {@code interactive.footer.text}. */
    public static final int FOOTER_TEXT = 60;
    public static final int MIN_BUTTONS = 1;
    public static final int MAX_BUTTONS = 3;
    /** Reply button title; unique within the message, no markdown. */
    public static final int BUTTON_TITLE = 20;
    /** Reply button id; no leading or trailing spaces. */
    public static final int BUTTON_ID = 256;
    /** List menu button label ({@code action.button}). */
    public static final int LIST_BUTTON_LABEL = 20;
    public static final int MAX_SECTIONS = 10;
    /** Rows across all sections of one list. */
    public static final int MAX_LIST_ROWS = 10;
    /** Section title; required when the list has more than one section. */
    public static final int SECTION_TITLE = 24;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int ROW_ID = 200;
    /** Image (and document) caption. */
    public static final int MEDIA_CAPTION = 1024;
    /** Template name: lowercase letters, digits and underscores. */
    public static final int TEMPLATE_NAME = 512;
    /** A template text parameter ({@code TextParameter.text}). */
    public static final int TEMPLATE_TEXT_PARAMETER = 32768;

    private WhatsAppLimits() {
    }
}
