package dev.waagent.local;

import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Inspection routes of the local runtime. */
@Controller("/local")
public class LocalController {

    @Serdeable
    public record TenantView(String id, String name, String channel, String phoneNumberId, String displayPhoneNumber) {
    }

    private final TenantDirectory tenants;
    private final LocalOutbox outbox;

    public LocalController(TenantDirectory tenants, LocalOutbox outbox) {
        this.tenants = tenants;
        this.outbox = outbox;
    }

    @Get("/tenants")
    public List<TenantView> tenants() {
        return tenants.findAll().stream()
                .map(t -> new TenantView(t.id(), t.name(), t.channel(), t.businessNumberId(), t.displayPhoneNumber()))
                .toList();
    }

    /** Every request the sender made to the Graph API stand-in, newest last. */
    @Get("/outbox")
    public List<LocalOutbox.Entry> outbox() {
        return outbox.entries();
    }
}
