package dev.waagent.backoffice;

import dev.waagent.backoffice.input.CsvTable;
import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A knowledge entry as written through the admin API or an import row.
 * <p>
 * JSON: {@code {"title", "content", "questions": [..], "category", "type"?, "keywords"?: [..], "priority"?, "active"?}}
 * ({@code version} too on a PUT, for optimistic concurrency). CSV columns: {@code title,content,questions,category}
 * and optionally {@code type,keywords,priority,active}, several questions or keywords in one cell separated by
 * {@code |}. Limits: title 200 characters, content 10,000, up to 20 questions of 300, up to 30 keywords of 60,
 * category 80, priority 0–100, type {@code faq|policy|document_chunk} (default faq).
 */
public record KnowledgeEntryCommand(
        KnowledgeEntryType type,
        String title,
        String content,
        List<String> questions,
        List<String> keywords,
        String category,
        int priority,
        boolean active,
        @Nullable Long expectedVersion) {

    public static final Set<String> JSON_FIELDS = Set.of("title", "content", "questions", "category", "type", "keywords",
            "priority", "active", "version");
    public static final Set<String> CSV_COLUMNS = Set.of("title", "content", "questions", "category", "type", "keywords",
            "priority", "active");
    public static final Set<String> REQUIRED = Set.of("title", "content", "questions", "category");

    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 10_000;
    public static final int MAX_QUESTIONS = 20;
    public static final int MAX_QUESTION = 300;
    public static final int MAX_KEYWORDS = 30;
    public static final int MAX_KEYWORD = 60;
    public static final int MAX_CATEGORY = 80;

    /** One JSON object (a request body, {@code row} null, or an import array element). Problems are collected. */
    public static KnowledgeEntryCommand fromJson(JsonNode node, @Nullable Integer row, Problems problems) {
        JsonFields json = new JsonFields(node, row, problems, JSON_FIELDS);
        for (String field : REQUIRED) {
            problems.check(json.has(field), row, field, "is required");
        }
        KnowledgeEntryType type = type(json.string("type"), row, problems);
        Integer priority = json.integer("priority");
        Boolean active = json.bool("active");
        Integer version = json.integer("version");
        KnowledgeEntryCommand command = new KnowledgeEntryCommand(type, strip(json.string("title")),
                json.string("content"), strip(json.strings("questions")), strip(json.strings("keywords")),
                strip(json.string("category")), priority == null ? 0 : priority, active == null || active,
                version == null ? null : version.longValue());
        command.validate(row, problems);
        return command;
    }

    /** One CSV row. Problems are collected. */
    public static KnowledgeEntryCommand fromCsv(CsvTable.Row csv, Problems problems) {
        int row = csv.number();
        KnowledgeEntryType type = type(blankToNull(csv.get("type")), row, problems);
        Integer priority = null;
        if (!csv.get("priority").isBlank()) {
            try {
                priority = Integer.parseInt(csv.get("priority").strip());
            } catch (NumberFormatException e) {
                problems.add(row, "priority", "must be a whole number");
            }
        }
        Boolean active = null;
        String activeCell = csv.get("active").strip().toLowerCase(Locale.ROOT);
        if (!activeCell.isEmpty()) {
            active = switch (activeCell) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> {
                    problems.add(row, "active", "must be true or false");
                    yield null;
                }
            };
        }
        KnowledgeEntryCommand command = new KnowledgeEntryCommand(type, csv.get("title").strip(), csv.get("content"),
                CsvTable.list(csv.get("questions")), CsvTable.list(csv.get("keywords")), csv.get("category").strip(),
                priority == null ? 0 : priority, active == null || active, null);
        command.validate(row, problems);
        return command;
    }

    public void validate(@Nullable Integer row, Problems problems) {
        problems.text(title, true, MAX_TITLE, row, "title");
        problems.text(content, true, MAX_CONTENT, row, "content");
        problems.texts(questions, MAX_QUESTIONS, MAX_QUESTION, row, "questions");
        problems.texts(keywords, MAX_KEYWORDS, MAX_KEYWORD, row, "keywords");
        problems.text(category, true, MAX_CATEGORY, row, "category");
        problems.check(priority >= 0 && priority <= 100, row, "priority", "must be between 0 and 100");
    }

    private static KnowledgeEntryType type(@Nullable String value, @Nullable Integer row, Problems problems) {
        if (value == null || value.isBlank()) {
            return KnowledgeEntryType.FAQ;
        }
        return KnowledgeEntryType.parse(value).orElseGet(() -> {
            problems.add(row, "type", "must be one of " + Arrays.stream(KnowledgeEntryType.values())
                    .map(KnowledgeEntryType::wireName).collect(Collectors.joining(", ")));
            return KnowledgeEntryType.FAQ;
        });
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> strip(List<String> values) {
        return values.stream().map(v -> v == null ? null : v.strip()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
