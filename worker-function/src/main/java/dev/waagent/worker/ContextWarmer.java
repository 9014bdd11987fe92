package dev.waagent.worker;

import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Builds the tenants' knowledge and catalog indexes at start-up (Lambda's init phase, before a SnapStart snapshot),
 * so a cold worker's first turn does not embed a whole catalog while its trigger's visibility timeout runs. Best
 * effort and bounded: what is not warm within {@link #BUDGET} is built on first use, as before. Runs after the other
 * start-up listeners (the local runtime seeds its demo tenants in one).
 */
@Singleton
@Requires(beans = {KnowledgeBase.class, CatalogLookup.class})
public class ContextWarmer implements ApplicationEventListener<StartupEvent>, Ordered {

    static final Duration BUDGET = Duration.ofSeconds(8);
    private static final Logger LOG = LoggerFactory.getLogger(ContextWarmer.class);

    private final TenantDirectory tenants;
    private final KnowledgeBase knowledge;
    private final CatalogLookup catalog;

    public ContextWarmer(TenantDirectory tenants, KnowledgeBase knowledge, CatalogLookup catalog) {
        this.tenants = tenants;
        this.knowledge = knowledge;
        this.catalog = catalog;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int warmed = 0;
        try {
            List<Tenant> active = tenants.findAll().stream().filter(Tenant::active).toList();
            for (Tenant tenant : active) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                knowledge.search(tenant.id(), "hello", 1);
                catalog.match(tenant.id(), "hello", 1);
                warmed++;
            }
            LOG.info("turn context warm for {} of {} tenants", warmed, active.size());
        } catch (RuntimeException e) {
            LOG.warn("context warm-up stopped after {} tenants: {}", warmed, e.toString());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
