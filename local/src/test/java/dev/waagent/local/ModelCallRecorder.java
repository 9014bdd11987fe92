package dev.waagent.local;

import dev.waagent.domain.llm.routing.ProviderCall;
import dev.waagent.domain.llm.routing.RoutingObserver;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Benchmarks only ({@code bench.record-model-calls=true}): every provider call the reply chain makes (a reply round,
 * an intent classification, a failed attempt), as the chain's observer is told of it, so the overhead benchmark can
 * subtract all model time of a turn, whoever asked. The process's observer still gets every call; no test depends on
 * this.
 */
@Singleton
@Requires(property = "bench.record-model-calls", value = "true")
public class ModelCallRecorder implements BeanCreatedEventListener<RoutingObserver> {

    /** One provider call: its latency as the provider timed it (nanos; the reply's accounting's clock) and thread. */
    public record Call(String provider, long nanos, boolean succeeded, String thread) {
    }

    private static final List<Call> CALLS = new ArrayList<>();

    @Override
    public RoutingObserver onCreated(BeanCreatedEvent<RoutingObserver> event) {
        RoutingObserver real = event.getBean();
        return new RoutingObserver() {
            @Override
            public void providerCalled(ProviderCall call) {
                synchronized (CALLS) {
                    CALLS.add(new Call(call.provider(), call.modelLatency().toNanos(), call.succeeded(),
                            Thread.currentThread().getName()));
                }
                real.providerCalled(call);
            }

            @Override
            public void circuitOpened(String provider) {
                real.circuitOpened(provider);
            }

            @Override
            public void cacheLookup(String tenantId, boolean hit) {
                real.cacheLookup(tenantId, hit);
            }
        };
    }

    /** The calls recorded since the last drain, oldest first; clears the record. */
    public static List<Call> drain() {
        synchronized (CALLS) {
            List<Call> copy = List.copyOf(CALLS);
            CALLS.clear();
            return copy;
        }
    }
}
