package dev.waagent.domain.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One active knowledge entry as search and the prompt see it. The back office holds the editable record
 * (soft delete, timestamps); this is its read model.
 *
 * @param questions example questions customers ask that this entry answers
 * @param priority  higher wins a tie between equally relevant entries (0–100)
 * @param version   incremented on every update
 * @param embedding the stored vectors, or {@code null} when none were made yet
 */
public record KnowledgeEntry(
        String id,
        String tenantId,
        KnowledgeEntryType type,
        String title,
        String content,
        List<String> questions,
        List<String> keywords,
        String category,
        int priority,
        long version,
        EntryEmbedding embedding) {

    /** How much of the content is embedded with the title: sentence models read ~256 tokens at most anyway. */
    public static final int EMBEDDED_CONTENT_CHARS = 600;
    /** Example questions beyond this many are searched lexically but not embedded. */
    public static final int MAX_EMBEDDED_QUESTIONS = 8;

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(title, "title");
        content = content == null ? "" : content;
        type = type == null ? KnowledgeEntryType.FAQ : type;
        questions = questions == null ? List.of() : List.copyOf(questions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        category = category == null ? "" : category;
    }

    /**
     * The texts whose vectors make up this entry's {@link EntryEmbedding}, in order: title with the start of the
     * content, then each example question. Writers and the search index both call this, so they always agree.
     */
    public List<String> embeddingTexts() {
        return embeddingTexts(title, content, questions);
    }

    public static List<String> embeddingTexts(String title, String content, List<String> questions) {
        List<String> texts = new ArrayList<>();
        String body = content == null ? "" : content.strip();
        if (body.length() > EMBEDDED_CONTENT_CHARS) {
            body = body.substring(0, EMBEDDED_CONTENT_CHARS);
        }
        texts.add(body.isEmpty() ? title.strip() : title.strip() + ". " + body);
        if (questions != null) {
            questions.stream().map(String::strip).filter(q -> !q.isEmpty()).limit(MAX_EMBEDDED_QUESTIONS).forEach(texts::add);
        }
        return texts;
    }

    public KnowledgeEntry withEmbedding(EntryEmbedding newEmbedding) {
        return new KnowledgeEntry(id, tenantId, type, title, content, questions, keywords, category, priority, version,
                newEmbedding);
    }
}
