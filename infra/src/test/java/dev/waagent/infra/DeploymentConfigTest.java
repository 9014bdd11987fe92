package dev.waagent.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waagent.infra.config.AgentFunction;
import dev.waagent.infra.config.ContextConfigReader;
import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.config.EnvVar;
import dev.waagent.infra.config.FunctionEnvironment;
import dev.waagent.infra.config.SchedulerJob;
import dev.waagent.infra.config.SecretNames;
import dev.waagent.infra.config.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from context: defaults, both value shapes, and a clear error for every bad value. No CDK here. */
class DeploymentConfigTest {

    private static DeploymentConfig read(Map<String, Object> context) {
        return new ContextConfigReader(context::get, Map.of()).read();
    }

    @Test
    void devDefaultsMatchTheDocumentedContract() {
        DeploymentConfig config = read(Map.of());

        assertThat(config.stage()).isEqualTo(Stage.DEV);
        assertThat(config.namePrefix()).isEqualTo("wa-agent-dev");
        assertThat(config.account()).isEmpty();
        assertThat(config.turnQueue().burstWindow()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.turnQueue().maxReceiveCount()).isEqualTo(5);
        assertThat(config.whatsappApiVersion()).isEqualTo("v23.0");
        assertThat(config.database().useExisting()).isFalse();
        assertThat(config.api().enableWaf()).isFalse();
        assertThat(config.sizing(AgentFunction.WORKER).timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.turnQueue().visibilityTimeoutFor(config.sizing(AgentFunction.WORKER).timeout()))
                .isEqualTo(Duration.ofSeconds(360));
    }

    @Test
    void prodDefaultsKeepMoreAndScaleFurther() {
        DeploymentConfig config = read(Map.of("stage", "prod"));

        assertThat(config.stage().isProd()).isTrue();
        assertThat(config.logRetentionDays()).isEqualTo(90);
        assertThat(config.database().natGateways()).isEqualTo(2);
        assertThat(config.turnQueue().workerMaxConcurrency()).isGreaterThan(read(Map.of()).turnQueue()
                .workerMaxConcurrency());
    }

    @Test
    void readsStringsFromTheCommandLineAndTypedValuesFromCdkJson() {
        Map<String, Object> fromCli = new HashMap<>();
        fromCli.put("tenants", "pune-cameras, jakarta-cars");
        fromCli.put("enableWaf", "true");
        fromCli.put("dlqMaxReceiveCount", "3");
        fromCli.put("turnBurstWindowSeconds", "4");
        fromCli.put("workerMemoryMb", "3008");
        fromCli.put("costBudgetUsdPerTenantPerDay", "2.5");
        Map<String, Object> fromJson = new HashMap<>();
        fromJson.put("tenants", List.of("pune-cameras", "jakarta-cars"));
        fromJson.put("enableWaf", true);
        fromJson.put("dlqMaxReceiveCount", 3);
        fromJson.put("turnBurstWindowSeconds", 4);
        fromJson.put("workerMemoryMb", 3008);
        fromJson.put("costBudgetUsdPerTenantPerDay", 2.5);

        for (DeploymentConfig config : List.of(read(fromCli), read(fromJson))) {
            assertThat(config.tenantIds()).containsExactly("pune-cameras", "jakarta-cars");
            assertThat(config.api().enableWaf()).isTrue();
            assertThat(config.turnQueue().maxReceiveCount()).isEqualTo(3);
            assertThat(config.turnQueue().burstWindow()).isEqualTo(Duration.ofSeconds(4));
            assertThat(config.sizing(AgentFunction.WORKER).memoryMb()).isEqualTo(3008);
            assertThat(config.alarms().costBudgetUsdPerTenantPerDay()).isEqualTo(2.5);
        }
    }

    @Test
    void takesAccountAndRegionFromTheCliEnvironment() {
        DeploymentConfig config = new ContextConfigReader(k -> null,
                Map.of("CDK_DEFAULT_ACCOUNT", "123456789012", "CDK_DEFAULT_REGION", "ap-south-1")).read();

        assertThat(config.account()).contains("123456789012");
        assertThat(config.region()).contains("ap-south-1");
    }

    @Test
    void existingDatabaseNeedsUrlAndSecret() {
        assertThatThrownBy(() -> read(Map.of("useExistingDatabase", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("existingDatabaseJdbcUrl");
        assertThatThrownBy(() -> read(Map.of("useExistingDatabase", "true",
                "existingDatabaseJdbcUrl", "jdbc:postgresql://db:5432/x")))
                .hasMessageContaining("existingDatabaseSecretArn");

        DeploymentConfig config = read(Map.of("useExistingDatabase", "true",
                "existingDatabaseJdbcUrl", "jdbc:postgresql://db:5432/x",
                "existingDatabaseSecretArn", TestApps.EXISTING_DB_SECRET));
        assertThat(config.database().existingSecretArn()).contains(TestApps.EXISTING_DB_SECRET);
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
            "stage|staging|stage must be one of",
            "dlqMaxReceiveCount|0|dlqMaxReceiveCount must be 1..1000",
            "workerMaxConcurrency|1|workerMaxConcurrency must be 2..1000",
            "whatsappThroughputPerNumber|0|whatsappThroughputPerNumber must be 1..1000",
            "turnBurstWindowSeconds|901|burst window",
            "turnBurstWindowSeconds|1.5|must be a whole number",
            "workerTimeoutSeconds|901|timeout must be whole seconds",
            "webhookTimeoutSeconds|30|API Gateway's limit",
            "webhookMemoryMb|64|memoryMb must be 128..10240",
            "enableWaf|yes|must be true or false",
            "logRetentionDays|13|logRetentionDays must be one of",
            "alarmEmail|not-an-address|not an e-mail address",
            "tenants|Pune Cameras|tenant id must be lower-case",
            "llmProviders|openai,openai|listed twice",
            "bedrockModelIds|arn:aws:bedrock:us-east-1::foundation-model/x.y|bedrock model id",
            "bedrockEmbeddingModelId|arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0|bedrock embedding model id",
            "whatsappApiVersion|23|whatsappApiVersion",
            "dbMaxCapacity|0.25|Aurora capacity",
            "localFallbackAlarmPercent|0|localFallbackAlarmPercent",
            "oldestMessageAgeAlarmSeconds|10|oldestMessageAgeAlarmSeconds",
            "apiThrottleBurst|10000|apiThrottleBurst"})
    void refusesBadValuesNamingTheProblem(String key, String value, String message) {
        assertThatThrownBy(() -> read(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void artifactDirDefaultsToTheRepositoryRootSeenFromInfra() {
        ContextConfigReader reader = new ContextConfigReader(k -> null, Map.of());
        assertThat(reader.artifactDir()).isEqualTo(Path.of("..").toAbsolutePath().normalize());
    }

    @Test
    void secretNamesFollowTheConventionTheCodeUses() {
        SecretNames names = SecretNames.forStage(Stage.PROD);

        assertThat(names.appSecret("pune-cameras")).isEqualTo("wa-agent/prod/tenants/pune-cameras/app-secret");
        assertThat(names.accessToken("pune-cameras")).isEqualTo("wa-agent/prod/tenants/pune-cameras/access-token");
        assertThat(names.providerApiKey("groq")).isEqualTo("wa-agent/prod/providers/groq/api-key");
        assertThat(names.metaAppSecret()).isEqualTo("wa-agent/prod/meta/app-secret");
        assertThat(names.metaVerifyToken()).isEqualTo("wa-agent/prod/meta/verify-token");
        // What a tenant stores as its references; the store reads <prefix>/<reference>.
        assertThat(SecretNames.appSecretRef("pune-cameras")).isEqualTo("tenants/pune-cameras/app-secret");
        assertThat(names.name(SecretNames.accessTokenRef("pune-cameras"))).isEqualTo(names.accessToken("pune-cameras"));
        assertThat(names.adminApiKey()).isEqualTo("wa-agent/prod/admin/api-key");
        assertThat(names.appSecretPattern()).isEqualTo("wa-agent/prod/tenants/*/app-secret");
        assertThatThrownBy(() -> names.appSecret("../other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void functionEnvironmentRefusesBlankAndDuplicateValues() {
        assertThatThrownBy(() -> FunctionEnvironment.builder().put(EnvVar.WA_STAGE, " "))
                .hasMessageContaining("WA_STAGE must not be blank");
        assertThatThrownBy(() -> FunctionEnvironment.builder().put(EnvVar.WA_STAGE, "dev").put(EnvVar.WA_STAGE,
                "prod")).hasMessageContaining("set twice");
        assertThat(FunctionEnvironment.builder().put(EnvVar.WA_STAGE, "dev").build().toMap())
                .containsExactly(Map.entry("WA_STAGE", "dev"));
    }

    @Test
    void schedulerJobsCarryTheJobNameAsInput() {
        assertThat(List.of(SchedulerJob.values())).extracting(SchedulerJob::id)
                .containsExactly("summaries", "context-expiry", "follow-ups", "daily-rollup", "morning-briefing",
                        "booking-reminders");
        assertThat(SchedulerJob.DAILY_ROLLUP.inputJson()).isEqualTo("{\"job\":\"daily-rollup\"}");
    }

    @Test
    void everyFunctionHasItsJarAndHandler() {
        Path root = Path.of("/repo");
        assertThat(AgentFunction.WEBHOOK.artifact(root))
                .isEqualTo(Path.of("/repo/webhook-function/target/wa-agent-webhook-lambda.jar"));
        assertThat(AgentFunction.WORKER.handler()).isEqualTo("dev.waagent.worker.WorkerHandler");
        assertThat(AgentFunction.SCHEDULER.artifact(root))
                .isEqualTo(Path.of("/repo/scheduler-function/target/wa-agent-scheduler-lambda.jar"));
        assertThat(Optional.of(AgentFunction.SCHEDULER.handler())).contains("dev.waagent.scheduler.SchedulerHandler");
    }
}
