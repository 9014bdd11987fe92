package dev.waagent.local;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the sender made to the Graph API stand-in, newest last, kept in a JSON-lines file under the
 * data directory so a restart loses nothing.
 */
@Singleton
public class LocalOutbox {

    /** One request as the stand-in received it. {@code body} is the JSON exactly as sent. */
    @Serdeable
    public record Entry(String path, String body, Instant time, int status, String response) {
    }

    private final JsonMapper json;
    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    public LocalOutbox(JsonMapper json, LocalSettings settings) {
        this.json = json;
        this.file = Path.of(settings.getDataDir()).resolve("outbox.jsonl");
        load();
    }

    public synchronized void add(Entry entry) {
        entries.add(entry);
        try {
            Files.writeString(file, json.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(json.readValue(line, Entry.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
