package dev.waagent.local;

import dev.waagent.backoffice.DemoSeeder;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo tenants' back office on first start (agent configuration, knowledge base, catalog, staff), with
 * the same ids and numbers as {@link DemoTenants}; the back office then publishes their runtime projection. A later
 * start keeps whatever was edited.
 */
@Singleton
@Requires(property = "wa.local.seed-demo-tenants", notEquals = "false")
public class DemoBackOffice implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBackOffice.class);

    private final DemoSeeder seeder;

    public DemoBackOffice(DemoSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        var seeded = seeder.seedMissing();
        if (!seeded.isEmpty()) {
            LOG.info("back office seeded for demo tenants {}", seeded);
        }
    }
}
