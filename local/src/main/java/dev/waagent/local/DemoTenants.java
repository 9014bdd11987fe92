package dev.waagent.local;

import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.List;

/** Seeds the two demo businesses on first start (a later start keeps whatever was edited). */
@Singleton
@Requires(property = "wa.local.seed-demo-tenants", notEquals = "false")
public class DemoTenants implements ApplicationEventListener<StartupEvent> {

    public static final String PUNE_NUMBER_ID = "109876543210001";
    public static final String JAKARTA_NUMBER_ID = "109876543210002";

    static final List<Tenant> TENANTS = List.of(
            new Tenant("pune-camera-rentals", "Pune Camera Rentals", "whatsapp", PUNE_NUMBER_ID, "+91 20 4000 1234",
                    "meta-app-secret", "local-access-token", "Asha",
                    "Friendly, quick and practical, like a rental-desk regular. Mirrors the customer's language, "
                            + "including Hinglish. Keeps answers short.",
                    """
                            Camera, lens, lighting and cine gear rental in Pune (Baner and Kothrud).
                            Open Monday to Saturday 10:00-20:00, Sunday 11:00-17:00 (IST).
                            Rentals are per day (24 h); pick-up and return at the store; ID proof and a refundable deposit are required.
                            Gear: Sony FX3, Sony A7S III, Sony A7 IV, Canon R5, DJI RS 3 gimbal, Aputure 300d lights, Sigma and Sony lenses.
                            Prices and availability are confirmed by the team on WhatsApp.""",
                    ZoneId.of("Asia/Kolkata"), List.of("en", "hi"), List.of(), true),
            new Tenant("jakarta-used-cars", "Jakarta Mobil Bekas", "whatsapp", JAKARTA_NUMBER_ID, "+62 21 5000 6789",
                    "meta-app-secret", "local-access-token", "Dewi",
                    "Ramah, sopan, memakai bahasa Indonesia sehari-hari (kak/gan), membantu pelanggan memilih mobil bekas.",
                    """
                            Used-car showroom in Jakarta Selatan (Jl. Fatmawati).
                            Open every day 09:00-18:00 (WIB). Test drives by appointment.
                            Stock includes Toyota Innova Reborn, Toyota Avanza, Honda HR-V, Mitsubishi Xpander, Suzuki Ertiga.
                            Cash and credit (leasing partners) accepted; prices and stock are confirmed by the sales team.""",
                    ZoneId.of("Asia/Jakarta"), List.of("id", "en"), List.of(), true));

    private final TenantDirectory tenants;

    public DemoTenants(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (Tenant tenant : TENANTS) {
            if (tenants.findById(tenant.id()).isEmpty()) {
                tenants.save(tenant);
            }
        }
    }
}
