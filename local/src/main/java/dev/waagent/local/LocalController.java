package dev.waagent.local;

import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
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

    /**
     * Every request the senders made to the Graph and Twilio stand-ins, newest last; {@code after=N} skips the first
     * N (so a poller reads only what is new). {@code X-Outbox-After} echoes N.
     */
    @Get("/outbox")
    public HttpResponse<List<LocalOutbox.Entry>> outbox(@QueryValue(defaultValue = "0") int after) {
        List<LocalOutbox.Entry> entries = outbox.entries();
        int from = Math.max(0, Math.min(after, entries.size()));
        return HttpResponse.ok(entries.subList(from, entries.size())).header("X-Outbox-After", Integer.toString(from));
    }
}
