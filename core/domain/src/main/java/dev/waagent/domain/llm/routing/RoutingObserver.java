package dev.waagent.domain.llm.routing;

/** Told about every provider call and every circuit that opens; the adapter turns it into metrics. */
public interface RoutingObserver {

    void providerCalled(ProviderCall call);

    void circuitOpened(String provider);

    void cacheLookup(String tenantId, boolean hit);

    RoutingObserver NONE = new RoutingObserver() {
        @Override
        public void providerCalled(ProviderCall call) {
        }

        @Override
        public void circuitOpened(String provider) {
        }

        @Override
        public void cacheLookup(String tenantId, boolean hit) {
        }
    };
}
