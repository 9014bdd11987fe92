package dev.waagent.backoffice;

import dev.waagent.backoffice.internal.ApprovedTemplateRepository;
import dev.waagent.backoffice.internal.JsonColumns;
import dev.waagent.backoffice.internal.StaffRow;
import dev.waagent.backoffice.internal.TenantRow;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from the back office's tenant and agent configuration to the runtime {@link Tenant} the webhook
 * and worker read from the {@link dev.waagent.domain.tenant.TenantDirectory} (DynamoDB): the persona is the
 * configuration's prompt text, the provider order its model chain, the business facts include the opening hours,
 * rich messages follow the configuration's flag and the approved templates come along.
 */
@Singleton
public class TenantProjection {

    private final JsonColumns json;
    private final ApprovedTemplateRepository templates;

    public TenantProjection(JsonColumns json, ApprovedTemplateRepository templates) {
        this.json = json;
        this.templates = templates;
    }

    public Tenant toRuntimeTenant(TenantRow tenant, AgentConfiguration configuration, List<StaffRow> staff) {
        StringBuilder facts = new StringBuilder(tenant.businessFacts().strip());
        String hours = BusinessHours.describe(json.map(tenant.businessHours()));
        if (!hours.isEmpty()) {
            facts.append(facts.length() == 0 ? "" : "\n").append("Opening hours (").append(tenant.timezone()).append("): ")
                    .append(hours).append('.');
        }
        return new Tenant(tenant.id(), tenant.name(), tenant.channel(), tenant.phoneNumberId(), tenant.displayPhoneNumber(),
                tenant.appSecretRef(), tenant.accessTokenRef(), configuration.agentName(), configuration.personaText(),
                facts.toString(), ZoneId.of(tenant.timezone()), json.strings(tenant.languages()),
                configuration.providerOrder(), TenantStatus.ACTIVE.wireName().equals(tenant.status()),
                staff.stream().map(TenantProjection::toContact).toList(), OpeningHours.parse(json.map(tenant.businessHours())),
                approvedTemplates(tenant.id()), configuration.richMessages());
    }

    private List<ApprovedTemplate> approvedTemplates(String tenantId) {
        return templates.findByTenantIdOrderByPurpose(tenantId).stream()
                .map(row -> new ApprovedTemplate(row.purpose(), row.name(), row.language(), json.strings(row.parameters())))
                .toList();
    }

    private static StaffContact toContact(StaffRow row) {
        return new StaffContact(row.waId(), row.name(),
                StaffRole.parse(row.staffRole()).orElse(StaffRole.STAFF) == StaffRole.OWNER ? StaffContact.Role.OWNER : StaffContact.Role.STAFF);
    }

    public TenantView toView(TenantRow row) {
        Map<String, String> hours = json.map(row.businessHours());
        return new TenantView(row.id(), row.name(), row.channel(), row.phoneNumberId(), row.wabaId(),
                row.displayPhoneNumber(), row.appSecretRef(), row.accessTokenRef(), row.timezone(), hours,
                json.strings(row.languages()), row.businessFacts(), row.status(), row.createdAt(), row.updatedAt());
    }
}
