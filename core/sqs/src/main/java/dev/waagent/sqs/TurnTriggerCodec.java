package dev.waagent.sqs;

import dev.waagent.domain.turn.TurnTrigger;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON form of a turn trigger on the queue, written by the webhook and read by the worker. */
@Singleton
@SerdeImport(TurnTrigger.class)
public class TurnTriggerCodec {

    private final JsonMapper json;

    public TurnTriggerCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(TurnTrigger trigger) {
        try {
            return json.writeValueAsString(trigger);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the body is not a trigger (a poison message) */
    public TurnTrigger read(String body) {
        try {
            TurnTrigger trigger = json.readValue(body, TurnTrigger.class);
            if (trigger == null) {
                throw new IllegalArgumentException("empty turn trigger");
            }
            return trigger;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a turn trigger: " + e.getMessage(), e);
        }
    }
}
