package dev.waagent.domain.reply;

/** What {@link ReplyRepair} had to change so that WhatsApp accepts a reply. */
public enum RepairKind {
    /** Blank text, buttons, rows or sections removed. */
    EMPTY_DROPPED,
    /** Text over 4096 characters split at sentence boundaries into several messages. */
    TEXT_SPLIT,
    /** An interactive body over 1024 characters: its beginning sent first as text. */
    BODY_SPLIT,
    /** An interactive message without body got the configured prompt. */
    BODY_DEFAULTED,
    /** An image caption over 1024 characters: the rest sent after it as text. */
    CAPTION_SPLIT,
    /** A footer on a plain image (which has none) appended to the caption. */
    FOOTER_MERGED,
    HEADER_SHORTENED,
    FOOTER_SHORTENED,
    /** Markdown or line breaks removed where WhatsApp shows them literally (titles, labels, headers). */
    MARKDOWN_STRIPPED,
    BUTTON_TITLE_SHORTENED,
    /** Duplicate button titles dropped (same option) or told apart (different options). */
    BUTTON_TITLES_DEDUPED,
    /** Missing, over-long, padded or duplicate button / row ids replaced. */
    IDS_FIXED,
    /** More than three buttons became a list. */
    BUTTONS_TO_LIST,
    /** No usable button left: sent as text. */
    BUTTONS_TO_TEXT,
    ROW_TITLE_SHORTENED,
    ROW_DESCRIPTION_SHORTENED,
    SECTION_TITLE_SHORTENED,
    /** Several sections, some without the title Meta then requires: merged into one. */
    SECTIONS_MERGED,
    /** The list's menu button label shortened or defaulted. */
    LIST_LABEL_FIXED,
    /** More than ten rows (or none): sent as a numbered text. */
    LIST_TO_TEXT,
    /** The card's image is neither an http(s) link nor a media id: sent without it. */
    CARD_IMAGE_INVALID,
    /** A card with more than three buttons: the image, then a list. */
    CARD_BUTTONS_TO_LIST,
    /** Template parameters cleaned (blank, line breaks, tabs, long space runs, length). */
    TEMPLATE_PARAMETER_FIXED,
    /** Template name or language unusable: nothing can be sent. */
    TEMPLATE_INVALID,
    /** A part still invalid after repair (a bug) was sent as plain text instead. */
    FALLBACK_TO_TEXT
}
