package dev.waagent.domain.intent;

/** Told which stage decided each customer turn's intents; the adapter turns it into metrics. */
public interface IntentObserver {

    void resolved(String tenantId, IntentResolution resolution);

    IntentObserver NONE = (tenantId, resolution) -> { };
}
