package dev.waagent.domain.reply;

import java.util.List;

/**
 * A section of a list message.
 *
 * @param title required when the list has more than one section, else may be {@code null}
 */
public record ListSection(String title, List<ListRow> rows) {
    public ListSection {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
