package dev.waagent.domain.reply;

import java.util.ArrayList;
import java.util.List;

/** Plain-text rendering shared by the reply forms. */
final class Rendering {

    private Rendering() {
    }

    static String join(String header, String body, String options, String footer) {
        List<String> blocks = new ArrayList<>();
        if (header != null && !header.isBlank()) {
            blocks.add("*" + header.strip() + "*");
        }
        if (body != null && !body.isBlank()) {
            blocks.add(body.strip());
        }
        if (!options.isEmpty()) {
            blocks.add(options);
        }
        if (footer != null && !footer.isBlank()) {
            blocks.add("_" + footer.strip() + "_");
        }
        return String.join("\n\n", blocks);
    }

    static String numbered(List<String> titles, List<String> descriptions) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < titles.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(i + 1).append(". ").append(titles.get(i).strip());
            String description = i < descriptions.size() ? descriptions.get(i) : null;
            if (description != null && !description.isBlank()) {
                out.append(" – ").append(description.strip());
            }
        }
        return out.toString();
    }
}
