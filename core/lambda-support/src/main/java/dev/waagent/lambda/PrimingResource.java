package dev.waagent.lambda;

import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every {@link Primer} just before the CRaC checkpoint (Lambda SnapStart takes it after init). A primer that
 * fails is logged and skipped: priming is an optimisation and must never stop a function from starting.
 */
@Singleton
public class PrimingResource implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(PrimingResource.class);
    /** How many rounds each primer runs: enough for the JIT to compile the hot methods. */
    static final int ROUNDS = 200;

    private final List<Primer> primers;
    private final Map<String, Long> primedMillis = new ConcurrentHashMap<>();

    public PrimingResource(List<Primer> primers) {
        this.primers = primers;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (Primer primer : primers) {
            long start = System.nanoTime();
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    primer.prime();
                }
                long took = (System.nanoTime() - start) / 1_000_000;
                primedMillis.put(primer.name(), took);
                LOG.info("primed {} in {} ms", primer.name(), took);
            } catch (Exception e) {
                LOG.warn("priming {} failed, continuing without it: {}", primer.name(), e.toString());
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to rebuild: the SDK clients open connections lazily, and caches expire by time.
    }

    /** Primers that ran, with how long they took, for tests and the start-up log. */
    public Map<String, Long> primed() {
        return Map.copyOf(primedMillis);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
