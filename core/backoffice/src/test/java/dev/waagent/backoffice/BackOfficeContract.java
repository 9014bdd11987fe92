package dev.waagent.backoffice;

import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentTone;
import dev.waagent.domain.knowledge.EntryEmbedding;
import dev.waagent.domain.knowledge.HandoffRules;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Everything the back office promises, run once on H2 and once on PostgreSQL (the subclasses supply the context):
 * migrations, repositories through the services, validation, versioning, imports, isolation, keys.
 */
abstract class BackOfficeContract {

    protected abstract ApplicationContext context();

    private <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    private String newTenant() {
        return newTenant(Long.toString(100_000_000_000_000L + (long) (Math.random() * 1e12)));
    }

    private String newTenant(String number) {
        return bean(TenantService.class).create(TenantCommand.fromJson(json(
                "{\"name\":\"Shop " + UUID.randomUUID().toString().substring(0, 6) + "\",\"phone_number_id\":\"" + number + "\"}"))).id();
    }

    @Test
    void aTenantNeedsOnlyANameAndNumberAndIsPublishedForTheWebhook() {
        TenantView created = bean(TenantService.class).create(TenantCommand.fromJson(json("""
                {"name":"Pune Camera Rentals %s","phone_number_id":"%d","timezone":"Asia/Kolkata",
                 "languages":["en","hi"],"business_hours":{"mon":"10:00-20:00","sun":"closed"},
                 "business_facts":"Baner and Kothrud."}""".formatted(UUID.randomUUID().toString().substring(0, 4),
                200_000_000_000_000L + (long) (Math.random() * 1e12)))));

        assertThat(created.id()).startsWith("pune-camera-rentals-");
        assertThat(created.status()).isEqualTo("active");
        Tenant published = bean(RecordingTenantDirectory.class).saved.get(created.id());
        assertThat(published.businessNumberId()).isEqualTo(created.phoneNumberId());
        assertThat(published.businessFacts()).contains("Baner and Kothrud.").contains("Opening hours (Asia/Kolkata): Mon 10:00-20:00; Sun closed.");
        assertThat(published.agentName()).isEqualTo("Assistant");
        assertThat(published.appSecretRef()).isEqualTo("meta-app-secret");
        assertThat(published.active()).isTrue();
        assertThat(published.openingHours().asMap()).containsEntry("mon", "10:00-20:00").containsEntry("sun", "closed");
    }

    @Test
    void badTenantInputNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> TenantCommand.fromJson(json("""
                {"name":"","phone_number_id":"12ab","timezone":"Mars/Olympus","languages":["english"],
                 "business_hours":{"funday":"all day","mon":"20:00-10:00"},"colour":"red"}""")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .contains("name", "phone_number_id", "timezone", "languages[0]", "business_hours.funday",
                                "business_hours.mon", "colour"));
    }

    @Test
    void aNumberBelongsToOneTenantOnly() {
        String number = Long.toString(300_000_000_000_000L + (long) (Math.random() * 1e12));
        newTenant(number);
        assertThatThrownBy(() -> newTenant(number)).isInstanceOf(ConflictException.class).hasMessageContaining(number);
    }

    @Test
    void aTenantWriteIsRolledBackWhenItsProjectionCannotBePublished() {
        RecordingTenantDirectory directory = bean(RecordingTenantDirectory.class);
        directory.failing = true;
        String name = "Unpublished " + UUID.randomUUID().toString().substring(0, 6);
        try {
            assertThatThrownBy(() -> bean(TenantService.class).create(TenantCommand.fromJson(json(
                    "{\"name\":\"" + name + "\",\"phone_number_id\":\"400000000000001\"}"))))
                    .hasMessageContaining("DynamoDB unavailable");
        } finally {
            directory.failing = false;
        }
        assertThat(bean(TenantService.class).list()).extracting(TenantView::name).doesNotContain(name);
    }

    @Test
    void agentConfigurationIsValidatedVersionedAndReachesTheRuntimeTenant() {
        String tenant = newTenant();
        AgentConfigurationService service = bean(AgentConfigurationService.class);
        assertThat(service.get(tenant).version()).isEqualTo(1);

        AgentConfiguration saved = service.replace(tenant, AgentConfigurationCommand.fromJson(tenant, json("""
                {"version":1,"agent_name":"Asha","personality_traits":["warm","quick"],"tone":"casual",
                 "default_model":"groq:llama-3.1-8b-instant","fallback_models":["openai"],
                 "behavioural_restrictions":["quote prices not in the catalog"],
                 "required_disclaimers":["Prices exclude GST."],"confidence_threshold":0.6,
                 "rich_messages":false,"handoff_rules":{"topics":["damage"],"max_consecutive_low_confidence":3}}""")));

        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.richMessages()).isFalse();
        assertThat(saved.proactiveSuggestions()).isTrue();
        assertThat(saved.handoffRules()).isEqualTo(new HandoffRules(List.of("damage"), 3, true));
        assertThat(bean(CachedAgentConfigurations.class).forTenant(tenant)).contains(saved);
        Tenant published = bean(RecordingTenantDirectory.class).saved.get(tenant);
        assertThat(published.agentName()).isEqualTo("Asha");
        assertThat(published.richMessages()).isFalse();
        assertThat(published.providerOrder()).containsExactly("groq", "openai");
        assertThat(published.persona()).contains("Personality: warm, quick.").contains("Tone: casual.")
                .contains("Never: quote prices not in the catalog").contains("Prices exclude GST.");

        assertThatThrownBy(() -> service.replace(tenant, AgentConfigurationCommand.fromJson(tenant, json(
                "{\"version\":1,\"agent_name\":\"Late\"}")))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> AgentConfigurationCommand.fromJson(tenant, json("""
                {"agent_name":"","tone":"grumpy","confidence_threshold":1.5,"default_model":"Not A Provider!",
                 "handoff_rules":{"max_consecutive_low_confidence":0,"when":"never"}}""")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("agent_name", "tone", "confidence_threshold", "default_model",
                                "handoff_rules.max_consecutive_low_confidence", "handoff_rules.when"));
    }

    @Test
    void knowledgeEntriesAreVersionedSoftDeletedAndEmbeddedWithTheirModelName() {
        String tenant = newTenant();
        KnowledgeService knowledge = bean(KnowledgeService.class);
        long revision = knowledge.knowledgeRevision(tenant);

        KnowledgeEntryView created = knowledge.create(tenant, entry("Security deposit", "A refundable deposit is taken.",
                List.of("how much is the deposit")));
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.embeddingModel()).isEqualTo("test-model");
        assertThat(knowledge.knowledgeRevision(tenant)).isGreaterThan(revision);

        KnowledgeEntry active = knowledge.activeEntries(tenant).get(0);
        assertThat(active.embedding().vectors()).hasSize(2); // title+content, one question
        assertThat(active.embedding().model()).isEqualTo("test-model");

        KnowledgeEntryView updated = knowledge.update(tenant, created.id(), entry("Security deposit",
                "A refundable deposit of 20% is taken.", List.of("how much is the deposit", "deposit kitna hai")));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(knowledge.activeEntries(tenant).get(0).embedding().vectors()).hasSize(3);

        knowledge.delete(tenant, created.id());
        assertThat(knowledge.activeEntries(tenant)).isEmpty();
        assertThat(knowledge.list(tenant, null, 0, 50)).isEmpty();
        assertThatThrownBy(() -> knowledge.get(tenant, created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void vectorsMadeForAnOlderVersionAreNotStoredOverANewerText() {
        String tenant = newTenant();
        KnowledgeService knowledge = bean(KnowledgeService.class);
        KnowledgeEntryView created = knowledge.create(tenant, entry("Hours", "Open daily.", List.of()));
        knowledge.update(tenant, created.id(), entry("Hours", "Open daily 10-8.", List.of()));

        EntryEmbedding late = new EntryEmbedding("another-model", 2, List.of(new float[]{1, 0}));
        knowledge.storeEmbedding(tenant, created.id(), 1, late);
        assertThat(knowledge.activeEntries(tenant).get(0).embedding().model()).isEqualTo("test-model");

        knowledge.storeEmbedding(tenant, created.id(), 2, late);
        assertThat(knowledge.activeEntries(tenant).get(0).embedding().model()).isEqualTo("another-model");
    }

    @Test
    void anEntryIsStoredWithoutVectorsWhenTheEmbedderIsDown() {
        String tenant = newTenant();
        CountingEmbedder embedder = bean(CountingEmbedder.class);
        embedder.failing = true;
        try {
            KnowledgeEntryView created = bean(KnowledgeService.class).create(tenant, entry("Hours", "Open daily.", List.of()));
            assertThat(created.embeddingModel()).isNull();
        } finally {
            embedder.failing = false;
        }
    }

    @Test
    void aThousandEntryJsonImportIsWrittenInOneGo() throws IOException {
        String tenant = newTenant();
        byte[] file = bean(JsonMapper.class).writeValueAsBytes(RealisticKnowledgeBase.entries(1_000));

        ImportReport report = bean(KnowledgeService.class).importFile(tenant, ImportFormat.JSON, file);

        assertThat(report.imported()).isEqualTo(1_000);
        assertThat(report.rejected()).isZero();
        assertThat(bean(KnowledgeService.class).count(tenant)).isEqualTo(1_000);
        assertThat(bean(KnowledgeService.class).activeEntries(tenant)).hasSize(1_000)
                .allSatisfy(e -> assertThat(e.embedding()).isNotNull());
        assertThat(bean(KnowledgeService.class).list(tenant, null, 1, 100)).hasSize(100);
    }

    @Test
    void anImportWithBadRowsWritesNothingAndNamesEachRowAndField() throws IOException {
        String tenant = newTenant();
        List<Map<String, Object>> rows = new ArrayList<>(RealisticKnowledgeBase.entries(20));
        rows.set(3, Map.of("title", "No content", "questions", List.of(), "category", "x"));
        rows.set(7, Map.of("title", "x".repeat(201), "content", "c", "questions", List.of("q"), "category", "x", "priority", 500));
        rows.set(11, Map.of("title", "t", "content", "c", "questions", "not a list but one", "category", "x", "tpye", "faq"));
        byte[] file = bean(JsonMapper.class).writeValueAsBytes(rows);

        assertThatThrownBy(() -> bean(KnowledgeService.class).importFile(tenant, ImportFormat.JSON, file))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.report().imported()).isZero();
                    assertThat(e.report().rejected()).isEqualTo(3);
                    assertThat(e.report().errors()).extracting(FieldError::toString).contains(
                            "row 4: content: is required", "row 8: title: is longer than 200 characters",
                            "row 8: priority: must be between 0 and 100");
                    assertThat(e.report().errors()).anySatisfy(error -> {
                        assertThat(error.row()).isEqualTo(12);
                        assertThat(error.field()).isEqualTo("tpye");
                    });
                });
        assertThat(bean(KnowledgeService.class).count(tenant)).isZero();
    }

    @Test
    void aCsvImportReadsQuotedCellsAndPipeSeparatedLists() {
        String tenant = newTenant();
        String csv = """
                title,content,questions,category,keywords,priority,type
                Security deposit,"A refundable deposit, usually 20%, is taken.
                It comes back on return.","how much is the deposit|deposit kitna hai",policies,deposit|refund,5,policy
                "Drone ""permits""\",Drones need a permit.,can I fly a drone,rules,,,
                """;

        ImportReport report = bean(KnowledgeService.class).importFile(tenant, ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.imported()).isEqualTo(2);
        KnowledgeEntryView deposit = bean(KnowledgeService.class).get(tenant, report.ids().get(0));
        assertThat(deposit.content()).isEqualTo("A refundable deposit, usually 20%, is taken.\nIt comes back on return.");
        assertThat(deposit.questions()).containsExactly("how much is the deposit", "deposit kitna hai");
        assertThat(deposit.type()).isEqualTo("policy");
        assertThat(deposit.priority()).isEqualTo(5);
        assertThat(bean(KnowledgeService.class).get(tenant, report.ids().get(1)).title()).isEqualTo("Drone \"permits\"");
    }

    @Test
    void malformedCsvIsRefusedWithItsRow() {
        String tenant = newTenant();
        KnowledgeService knowledge = bean(KnowledgeService.class);
        String unterminated = "title,content,questions,category\nHours,\"Open daily,q,general\n";
        String wrongWidth = "title,content,questions,category\nHours,Open daily,q\n";
        String unknownColumn = "title,content,questions,category,colour\n";

        assertThatThrownBy(() -> knowledge.importFile(tenant, ImportFormat.CSV, unterminated.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> knowledge.importFile(tenant, ImportFormat.CSV, wrongWidth.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 1").hasMessageContaining("3 cells");
        assertThatThrownBy(() -> knowledge.importFile(tenant, ImportFormat.CSV, unknownColumn.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
        assertThat(knowledge.count(tenant)).isZero();
    }

    @Test
    void aCatalogImportCreatesAndUpdatesBySkuAndRefusesDuplicatesAndBadPrices() {
        String tenant = newTenant();
        CatalogService catalog = bean(CatalogService.class);
        String first = """
                [{"sku":"CAM-FX3","name":"Sony FX3","aliases":["fx 3"],"category":"cameras","price":3500,
                  "currency":"INR","price_unit":"per_day","stock":2,"attributes":{"mount":"E","megapixels":12.1}},
                 {"sku":"GMB-RS3","name":"DJI RS 3","category":"gimbals","price":"1200.50","currency":"inr"}]""";
        ImportReport created = catalog.importFile(tenant, ImportFormat.JSON, first.getBytes(StandardCharsets.UTF_8));
        assertThat(created.imported()).isEqualTo(2);

        String second = "sku,name,category,price,currency,price_unit,attributes\nCAM-FX3,Sony FX3,cameras,3800,INR,day,mount=E\n";
        catalog.importFile(tenant, ImportFormat.CSV, second.getBytes(StandardCharsets.UTF_8));
        CatalogItem fx3 = catalog.activeItems(tenant).stream().filter(i -> i.sku().equals("CAM-FX3")).findFirst().orElseThrow();
        assertThat(fx3.price()).isEqualByComparingTo("3800");
        assertThat(fx3.version()).isEqualTo(2);
        assertThat(catalog.activeItems(tenant)).hasSize(2);

        String bad = """
                [{"sku":"A","name":"One","category":"c","price":-5,"currency":"INR"},
                 {"sku":"B","name":"Two","category":"c","price":1.999,"currency":"INR"},
                 {"sku":"A","name":"Again","category":"c"},
                 {"sku":"C","name":"Three","category":"c","price":10}]""";
        assertThatThrownBy(() -> catalog.importFile(tenant, ImportFormat.JSON, bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.report().errors())
                        .extracting(FieldError::toString).contains(
                                "row 1: price: must not be negative", "row 2: price: has more than 2 decimals",
                                "row 3: sku: duplicate SKU A (also on row 1)",
                                "row 4: currency: is required with a price: a 3-letter ISO code such as INR or IDR"));
        assertThat(catalog.activeItems(tenant)).hasSize(2);
    }

    @Test
    void everyCommittedKnowledgeCatalogConfigurationOrProfileChangeBumpsTheContentVersionOnce() {
        String tenant = newTenant();
        RecordingContentVersions versions = bean(RecordingContentVersions.class);
        KnowledgeService knowledge = bean(KnowledgeService.class);
        CatalogService catalog = bean(CatalogService.class);
        long start = versions.current(tenant);

        KnowledgeEntryView entry = knowledge.create(tenant, entry("Deposit", "A refundable deposit.", List.of()));
        assertThat(versions.current(tenant)).isEqualTo(start + 1);
        knowledge.update(tenant, entry.id(), entry("Deposit", "A refundable deposit of 20%.", List.of()));
        knowledge.delete(tenant, entry.id());
        knowledge.importFile(tenant, ImportFormat.JSON, """
                [{"title":"Hours","content":"Open daily.","questions":["when are you open"],"category":"general"}]"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(versions.current(tenant)).isEqualTo(start + 4);

        CatalogItemView item = catalog.create(tenant, catalogItem("SKU-1"));
        catalog.update(tenant, item.id(), catalogItem("SKU-1"));
        catalog.delete(tenant, item.id());
        catalog.importFile(tenant, ImportFormat.CSV, "sku,name,category\nSKU-2,Lens,lenses\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(versions.current(tenant)).isEqualTo(start + 8);

        bean(AgentConfigurationService.class).replace(tenant, AgentConfigurationCommand.fromJson(tenant,
                json("{\"agent_name\":\"Asha\"}")));
        TenantView profile = bean(TenantService.class).get(tenant);
        bean(TenantService.class).update(tenant, TenantCommand.fromJson(json(
                "{\"name\":\"" + profile.name() + "\",\"phone_number_id\":\"" + profile.phoneNumberId()
                        + "\",\"business_facts\":\"Now also in Aundh.\"}")));
        assertThat(versions.current(tenant)).isEqualTo(start + 10);
    }

    @Test
    void aRejectedChangeOrAStaffChangeLeavesTheContentVersionAlone() {
        String tenant = newTenant();
        RecordingContentVersions versions = bean(RecordingContentVersions.class);
        long start = versions.current(tenant);

        assertThatThrownBy(() -> bean(CatalogService.class).importFile(tenant, ImportFormat.JSON,
                "[{\"sku\":\"A\",\"name\":\"One\",\"category\":\"c\",\"price\":-5,\"currency\":\"INR\"}]"
                        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ImportRejectedException.class);
        bean(StaffService.class).create(tenant, StaffCommand.fromJson(json(
                "{\"wa_id\":\"919800000001\",\"name\":\"Ravi\",\"role\":\"staff\"}")));

        assertThat(versions.current(tenant)).isEqualTo(start);
        assertThat(versions.current("another-tenant")).isZero();
    }

    @Test
    void oneTenantCannotReachAnotherTenantsRecords() {
        String a = newTenant();
        String b = newTenant();
        KnowledgeEntryView secret = bean(KnowledgeService.class).create(a, entry("A only", "Tenant A's secret.", List.of()));
        CatalogItemView item = bean(CatalogService.class).create(a, catalogItem("A-1"));
        StaffView staff = bean(StaffService.class).create(a, new StaffCommand("919800000001", "Ravi", StaffRole.OWNER));

        assertThatThrownBy(() -> bean(KnowledgeService.class).get(b, secret.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bean(KnowledgeService.class).delete(b, secret.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bean(CatalogService.class).get(b, item.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bean(StaffService.class).get(b, staff.id())).isInstanceOf(NotFoundException.class);
        assertThat(bean(KnowledgeService.class).activeEntries(b)).isEmpty();
        assertThat(bean(CatalogService.class).activeItems(b)).isEmpty();
        assertThat(bean(KnowledgeService.class).get(a, secret.id()).title()).isEqualTo("A only");
    }

    @Test
    void staffMembersHaveOneEntryPerNumber() {
        String tenant = newTenant();
        StaffService staff = bean(StaffService.class);
        StaffView owner = staff.create(tenant, StaffCommand.fromJson(json("{\"wa_id\":\"+919812345678\",\"name\":\"Ravi\",\"role\":\"owner\"}")));
        assertThat(owner.waId()).isEqualTo("919812345678");

        assertThatThrownBy(() -> staff.create(tenant, new StaffCommand("919812345678", "Again", StaffRole.STAFF)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("wa_id");
        StaffView renamed = staff.update(tenant, owner.id(), new StaffCommand("919812345678", "Ravi K", StaffRole.OWNER));
        assertThat(renamed.name()).isEqualTo("Ravi K");
        staff.delete(tenant, owner.id());
        assertThat(staff.list(tenant)).isEmpty();
    }

    @Test
    void everyStaffChangeReachesTheRuntimeTenantSoTheirMessagesAreCommands() {
        String tenant = newTenant();
        StaffService staff = bean(StaffService.class);
        RecordingTenantDirectory directory = bean(RecordingTenantDirectory.class);
        StaffView owner = staff.create(tenant, new StaffCommand("919812345678", "Ravi", StaffRole.OWNER));
        staff.create(tenant, new StaffCommand("919800011122", "Meera", StaffRole.STAFF));

        Tenant published = directory.saved.get(tenant);
        assertThat(published.staffMember("919812345678")).map(StaffContact::role).contains(StaffContact.Role.OWNER);
        assertThat(published.owners()).extracting(StaffContact::name).containsExactly("Ravi");

        staff.delete(tenant, owner.id());
        assertThat(directory.saved.get(tenant).staff()).extracting(StaffContact::waId).containsExactly("919800011122");
    }

    @Test
    void approvedTemplatesAndTheRichMessagesFlagReachTheRuntimeTenant() {
        String tenant = newTenant();
        ApprovedTemplateService templates = bean(ApprovedTemplateService.class);
        RecordingTenantDirectory directory = bean(RecordingTenantDirectory.class);

        templates.put(tenant, ApprovedTemplateCommand.fromJson("follow_up", json(
                "{\"name\":\"follow_up_question\",\"language\":\"en_US\",\"parameters\":[\"customer_name\",\"business_name\"]}")));
        templates.put(tenant, ApprovedTemplateCommand.fromJson("follow_up", json(
                "{\"name\":\"follow_up_v2\",\"language\":\"hi\",\"parameters\":[\"customer_name\"]}")));
        templates.put(tenant, ApprovedTemplateCommand.fromJson("booking_reminder", json(
                "{\"name\":\"booking_reminder\",\"language\":\"en\",\"parameters\":[\"item\",\"date\"]}")));

        assertThat(templates.list(tenant)).extracting(ApprovedTemplateView::purpose, ApprovedTemplateView::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("booking_reminder", "booking_reminder"),
                        org.assertj.core.groups.Tuple.tuple("follow_up", "follow_up_v2"));
        Tenant published = directory.saved.get(tenant);
        assertThat(published.template("follow_up")).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("follow_up_v2");
            assertThat(t.language()).isEqualTo("hi");
            assertThat(t.parameters()).containsExactly("customer_name");
        });
        assertThat(published.template("booking_reminder")).isPresent();
        // A new tenant's configuration allows rich messages; the runtime tenant says so.
        assertThat(published.richMessages()).isTrue();

        templates.delete(tenant, "booking_reminder");
        assertThat(directory.saved.get(tenant).template("booking_reminder")).isEmpty();
        assertThatThrownBy(() -> templates.delete(tenant, "booking_reminder")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ApprovedTemplateCommand.fromJson("newsletter", json(
                "{\"name\":\"Follow Up!\",\"language\":\"english\",\"parameters\":[\"price\"]}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("purpose", "name", "language", "parameters[0]"));
        String other = newTenant();
        assertThat(templates.list(other)).isEmpty();
    }

    @Test
    void aStaffAlertTemplateTakesTheStaffNoticesParameters() {
        String tenant = newTenant();
        ApprovedTemplateService templates = bean(ApprovedTemplateService.class);
        RecordingTenantDirectory directory = bean(RecordingTenantDirectory.class);

        templates.put(tenant, ApprovedTemplateCommand.fromJson("staff_alert", json(
                "{\"name\":\"staff_handoff_alert\",\"language\":\"en\",\"parameters\":[\"business_name\",\"customer\",\"reason\",\"summary\"]}")));

        assertThat(directory.saved.get(tenant).template("staff_alert")).hasValueSatisfying(t ->
                assertThat(t.parameters()).containsExactly("business_name", "customer", "reason", "summary"));
        assertThatThrownBy(() -> ApprovedTemplateCommand.fromJson("follow_up", json(
                "{\"name\":\"follow_up_question\",\"language\":\"en\",\"parameters\":[\"customer_name\",\"reason\"]}")))
                .as("a follow-up has no reason to fill")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("parameters[1]"));
    }

    @Test
    void apiKeysAreCheckedAgainstASaltedHashAndCanBeRevoked() {
        String tenant = newTenant();
        ApiKeyService keys = bean(ApiKeyService.class);
        ApiKeyView issued = keys.issue(tenant, "kb editor", List.of("knowledge:write"));

        assertThat(issued.key()).startsWith("wak_" + issued.id() + "_");
        ApiKeyPrincipal principal = keys.authenticate(issued.key()).orElseThrow();
        assertThat(principal.tenantId()).isEqualTo(tenant);
        assertThat(principal.scopes()).containsExactly(ApiScope.KNOWLEDGE_WRITE);
        assertThat(keys.list(tenant)).singleElement().satisfies(listed -> assertThat(listed.key()).isNull());

        assertThat(keys.authenticate(issued.key() + "x")).isEmpty();
        assertThat(keys.authenticate("wak_" + "a".repeat(16) + "_nope")).isEmpty();
        assertThat(keys.authenticate("Bearer nonsense")).isEmpty();
        assertThatThrownBy(() -> keys.issue(tenant, "bad", List.of("everything:write"))).isInstanceOf(InvalidInputException.class);

        keys.revoke(tenant, issued.id());
        assertThat(keys.authenticate(issued.key())).isEmpty();
    }

    @Test
    void aSeededConfigurationCanBeGivenAtCreation() {
        AgentConfiguration seeded = new AgentConfiguration("ignored", 7, "Dewi", List.of("ramah"), AgentTone.FRIENDLY,
                "Pakai bahasa sehari-hari.", "openai", List.of(), List.of(), List.of(), 0.5, true, true, true,
                HandoffRules.defaults(), null);
        TenantView tenant = bean(TenantService.class).create(TenantCommand.fromJson(json(
                "{\"name\":\"Seeded " + UUID.randomUUID().toString().substring(0, 6) + "\",\"phone_number_id\":\"500000000000"
                        + (100 + (int) (Math.random() * 899)) + "\"}")), seeded);

        AgentConfiguration stored = bean(AgentConfigurationService.class).get(tenant.id());
        assertThat(stored.agentName()).isEqualTo("Dewi");
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.tenantId()).isEqualTo(tenant.id());
    }

    @Test
    void theDemoTenantsAreSeededOnceWithTheirKnowledgeCatalogAndStaff() {
        DemoSeeder seeder = bean(DemoSeeder.class);
        assertThat(seeder.seedMissing()).containsExactlyElementsOf(DemoSeeder.DEMO_TENANT_IDS);
        assertThat(seeder.seedMissing()).isEmpty();

        assertThat(bean(TenantService.class).get("pune-camera-rentals").phoneNumberId()).isEqualTo("109876543210001");
        assertThat(bean(TenantService.class).get("jakarta-used-cars").phoneNumberId()).isEqualTo("109876543210002");
        assertThat(bean(KnowledgeService.class).count("pune-camera-rentals")).isGreaterThanOrEqualTo(25);
        assertThat(bean(CatalogService.class).activeItems("jakarta-used-cars")).extracting(CatalogItem::name)
                .contains("Toyota Innova Reborn 2.4 G AT 2019");
        assertThat(bean(StaffService.class).list("pune-camera-rentals")).extracting(StaffView::role).contains("owner");
        assertThat(bean(AgentConfigurationService.class).get("jakarta-used-cars").agentName()).isEqualTo("Dewi");
        assertThat(bean(RecordingTenantDirectory.class).saved.get("pune-camera-rentals").persona()).contains("Hinglish");
    }

    @Test
    void staffCatalogEditsGoThroughTheCatalogServiceLikeAnAdminEdit() {
        String tenant = newTenant();
        CatalogService catalog = bean(CatalogService.class);
        CatalogItemView priced = catalog.create(tenant, new CatalogItemCommand("LENS-1", "Sigma 18-35", List.of("sigma"),
                "lenses", new java.math.BigDecimal("900"), "INR", dev.waagent.domain.catalog.PriceUnit.PER_DAY, 2,
                dev.waagent.domain.catalog.Availability.IN_STOCK, Map.of("mount", "EF"), null, true, null));
        CatalogItemView unpriced = catalog.create(tenant, catalogItem("MISC-1"));
        long revision = catalog.catalogRevision(tenant);
        BackOfficeCatalogEditor editor = bean(BackOfficeCatalogEditor.class);

        CatalogItem sold = editor.setAvailability(tenant, priced.id(), dev.waagent.domain.catalog.Availability.OUT_OF_STOCK);
        assertThat(sold.availability()).isEqualTo(dev.waagent.domain.catalog.Availability.OUT_OF_STOCK);
        assertThat(sold.version()).isEqualTo(priced.version() + 1);
        assertThat(sold.attributes()).containsEntry("mount", "EF");
        CatalogItem repriced = editor.setPrice(tenant, priced.id(), new java.math.BigDecimal("950.50"));
        assertThat(repriced.price()).isEqualByComparingTo("950.50");
        assertThat(repriced.availability()).as("other fields kept").isEqualTo(dev.waagent.domain.catalog.Availability.OUT_OF_STOCK);
        assertThat(catalog.catalogRevision(tenant)).isEqualTo(revision + 2);

        assertThatThrownBy(() -> editor.setPrice(tenant, unpriced.id(), new java.math.BigDecimal("10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no currency");
        assertThatThrownBy(() -> editor.setPrice(tenant, priced.id(), new java.math.BigDecimal("1.999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimals");
        assertThat(catalog.get(tenant, unpriced.id()).version()).isEqualTo(unpriced.version());
    }

    private KnowledgeEntryCommand entry(String title, String content, List<String> questions) {
        return new KnowledgeEntryCommand(KnowledgeEntryType.FAQ, title, content, questions, List.of(), "general", 0, true, null);
    }

    private static CatalogItemCommand catalogItem(String sku) {
        return new CatalogItemCommand(sku, "Item " + sku, List.of(), "misc", null, null,
                dev.waagent.domain.catalog.PriceUnit.PER_ITEM, 1, dev.waagent.domain.catalog.Availability.IN_STOCK,
                Map.of(), null, true, null);
    }

    private JsonNode json(String text) {
        try {
            return bean(JsonMapper.class).readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
