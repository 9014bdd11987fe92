package dev.waagent.domain.reply;

/**
 * A row of a list message: {@code id} comes back in the customer's {@code list_reply}.
 *
 * @param description optional second line, or {@code null}
 */
public record ListRow(String id, String title, String description) {
    public ListRow {
        id = id == null ? "" : id;
        title = title == null ? "" : title;
    }
}
