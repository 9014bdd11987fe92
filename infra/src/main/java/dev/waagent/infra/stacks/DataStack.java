package dev.waagent.infra.stacks;

import dev.waagent.infra.config.AgentFunction;
import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.constructs.AgentTables;
import dev.waagent.infra.constructs.AuroraBackOffice;
import dev.waagent.infra.constructs.BackOfficeDatabase;
import dev.waagent.infra.constructs.ChannelSecrets;
import dev.waagent.infra.constructs.ExistingBackOffice;
import dev.waagent.infra.constructs.TurnQueue;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * Everything stateful: the customer-managed KMS key, the DynamoDB tables, the turn queue and its DLQ, the secrets
 * and the back-office database (with its VPC). Kept apart from the functions so compute can be redeployed or torn
 * down without touching data; termination protection in prod.
 */
public final class DataStack extends Stack {

    /** @param config the validated deployment configuration */
    public record Props(DeploymentConfig config) {
        public Props {
            Objects.requireNonNull(config, "config");
        }
    }

    private final Key key;
    private final AgentTables tables;
    private final TurnQueue turnQueue;
    private final ChannelSecrets secrets;
    private final BackOfficeDatabase backOffice;

    public DataStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        DeploymentConfig config = props.config();
        boolean prod = config.stage().isProd();
        RemovalPolicy removal = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        setTerminationProtection(prod);

        key = Key.Builder.create(this, "DataKey")
                .alias("alias/" + config.namePrefix() + "-data")
                .description("Encrypts the wa-agent " + config.stage().id()
                        + " tables, turn queues and back-office database")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(prod ? 30 : 7))
                .removalPolicy(removal)
                .build();

        tables = new AgentTables(this, "Tables", new AgentTables.Props(config.namePrefix(), key, prod));

        turnQueue = new TurnQueue(this, "TurnQueue", new TurnQueue.Props(
                config.namePrefix() + "-turns",
                config.turnQueue().burstWindow(),
                config.sizing(AgentFunction.WORKER).timeout(),
                config.turnQueue().maxReceiveCount(),
                key,
                removal));

        secrets = new ChannelSecrets(this, "Secrets", new ChannelSecrets.Props(
                config.secretNames(), config.tenantIds(), config.llmProviders(), removal));

        var database = config.database();
        if (database.useExisting()) {
            backOffice = new ExistingBackOffice(this, "BackOffice", new ExistingBackOffice.Props(
                    database.existingJdbcUrl().orElseThrow(), database.existingSecretArn().orElseThrow()));
        } else {
            backOffice = new AuroraBackOffice(this, "BackOffice", new AuroraBackOffice.Props(
                    config.namePrefix(),
                    config.secretNames().prefix() + "/database/master",
                    key,
                    prod,
                    database.minCapacity(),
                    database.maxCapacity(),
                    database.natGateways(),
                    Retention.of(config.logRetentionDays())));
        }
    }

    public Key key() {
        return key;
    }

    public AgentTables tables() {
        return tables;
    }

    public TurnQueue turnQueue() {
        return turnQueue;
    }

    public ChannelSecrets secrets() {
        return secrets;
    }

    public BackOfficeDatabase backOffice() {
        return backOffice;
    }
}
