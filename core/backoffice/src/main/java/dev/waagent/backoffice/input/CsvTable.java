package dev.waagent.backoffice.input;

import dev.waagent.backoffice.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file (RFC 4180: comma-separated, double quotes around cells holding commas, quotes or line breaks, {@code ""}
 * for a quote) with a header row. Header names are case-insensitive; unknown columns, missing required columns,
 * rows with the wrong number of cells and unterminated quotes are refused with the row they are on.
 */
public final class CsvTable {

    /** One data row: its 1-based number (first line after the header is row 1) and its cells by column name. */
    public record Row(int number, Map<String, String> cells) {
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private final List<String> columns;
    private final List<Row> rows;

    private CsvTable(List<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public static CsvTable parse(String text, Set<String> allowedColumns, Set<String> requiredColumns) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new InvalidInputException("", "the CSV file is empty (a header row is required)");
        }
        Problems problems = new Problems();
        List<String> header = new ArrayList<>();
        for (String name : records.get(0)) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!allowedColumns.contains(column)) {
                problems.add(0, column, "unknown column (allowed: " + String.join(", ", new java.util.TreeSet<>(allowedColumns)) + ")");
            } else if (header.contains(column)) {
                problems.add(0, column, "column appears twice");
            }
            header.add(column);
        }
        for (String required : requiredColumns) {
            problems.check(header.contains(required), 0, required, "required column is missing");
        }
        problems.throwIfAny();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue; // blank line
            }
            if (cells.size() != header.size()) {
                problems.add(i, "", "has " + cells.size() + " cells, the header has " + header.size());
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i, byColumn));
        }
        problems.throwIfAny();
        return new CsvTable(List.copyOf(header), List.copyOf(rows));
    }

    /** Splits into records of cells, honouring quotes; line numbers in errors count records, not physical lines. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.length() > 0 && !cell.toString().isBlank()) {
                        throw new InvalidInputException(List.of(new dev.waagent.backoffice.FieldError(records.size(), "",
                                "a quote inside an unquoted cell (quote the whole cell and double the quote)")));
                    }
                    cell.setLength(0);
                    quoted = true;
                    cellWasQuoted = true;
                }
                case ',' -> {
                    record.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
                    cell.setLength(0);
                    cellWasQuoted = false;
                }
                case '\r' -> {
                    // part of \r\n; a lone \r is treated the same
                }
                case '\n' -> {
                    record.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
                    records.add(record);
                    record = new ArrayList<>();
                    cell.setLength(0);
                    cellWasQuoted = false;
                }
                default -> cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new InvalidInputException(List.of(new dev.waagent.backoffice.FieldError(records.size(), "",
                    "a quoted cell is never closed")));
        }
        if (cell.length() > 0 || !record.isEmpty() || cellWasQuoted) {
            record.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
            records.add(record);
        }
        return records;
    }

    /** Splits a multi-value cell ({@code a|b|c}); empty parts are dropped. */
    public static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : cell.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
