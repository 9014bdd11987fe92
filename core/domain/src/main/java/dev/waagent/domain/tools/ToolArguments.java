package dev.waagent.domain.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one tool call: a flat JSON object of strings, numbers, booleans (nested values are kept as
 * their JSON text). Lenient: a model's malformed arguments read as what could be understood, never an exception.
 */
public final class ToolArguments {

    private final Map<String, String> values;

    private ToolArguments(Map<String, String> values) {
        this.values = values;
    }

    public static ToolArguments parse(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null) {
            return new ToolArguments(values);
        }
        Reader reader = new Reader(json);
        try {
            reader.skipSpace();
            if (!reader.take('{')) {
                return new ToolArguments(values);
            }
            while (true) {
                reader.skipSpace();
                if (reader.take('}') || reader.done()) {
                    break;
                }
                String key = reader.string();
                reader.skipSpace();
                reader.take(':');
                reader.skipSpace();
                values.put(key, reader.value());
                reader.skipSpace();
                reader.take(',');
            }
        } catch (RuntimeException e) {
            // Keep what was read before the malformed part.
        }
        return new ToolArguments(values);
    }

    public Optional<String> text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() || value.equals("null") ? Optional.empty() : Optional.of(value.strip());
    }

    public Optional<Integer> integer(String name) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of((int) Math.round(Double.parseDouble(value)));
            } catch (NumberFormatException e) {
                String digits = value.replaceAll("[^0-9]", "");
                return digits.isEmpty() || digits.length() > 6 ? Optional.empty() : Optional.of(Integer.parseInt(digits));
            }
        });
    }

    /** Escapes text for a JSON string (without the quotes). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean done() {
            return at >= text.length();
        }

        void skipSpace() {
            while (!done() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean take(char c) {
            if (!done() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        String string() {
            if (!take('"')) {
                throw new IllegalStateException("string expected");
            }
            StringBuilder out = new StringBuilder();
            while (!done()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && !done()) {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        String value() {
            if (!done() && text.charAt(at) == '"') {
                return string();
            }
            int start = at;
            int depth = 0;
            boolean quoted = false;
            while (!done()) {
                char c = text.charAt(at);
                if (quoted) {
                    if (c == '\\') {
                        at++;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
                at++;
            }
            return text.substring(start, at).strip();
        }
    }
}
