package dev.waagent.domain.reply;

/**
 * A choice offered to the customer: becomes a reply button or a list row.
 *
 * @param id          comes back as {@code button_id} / {@code list_row_id} when chosen
 * @param description shown under a list row's title, or {@code null}
 */
public record ReplyOption(String id, String title, String description) {
    public ReplyOption {
        id = id == null ? "" : id;
        title = title == null ? "" : title;
    }

    public static ReplyOption of(String id, String title) {
        return new ReplyOption(id, title, null);
    }
}
