package dev.waagent.domain.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The example messages per intent the embedding stage compares a turn with (training data, never test data). */
public final class IntentExemplars {

    /** The shipped set: English, Hinglish and Bahasa messages for both demo tenants. */
    public static final String RESOURCE = "/intents/exemplars.tsv";

    public record Exemplar(Intent intent, String text) {
    }

    private IntentExemplars() {
    }

    public static List<Exemplar> shipped() {
        try (InputStream in = IntentExemplars.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code INTENT<TAB>text}; blank lines and lines starting with {@code #} are skipped. */
    public static List<Exemplar> parse(String tsv) {
        List<Exemplar> exemplars = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("exemplar line without text: " + line);
            }
            exemplars.add(new Exemplar(Intent.valueOf(parts[0].strip()), parts[1].strip()));
        }
        return List.copyOf(exemplars);
    }
}
