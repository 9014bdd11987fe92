package dev.waagent.infra.constructs;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * The two DynamoDB tables of the hot path, shaped by the store's access patterns:
 * <ul>
 *   <li>{@code conversations}: {@code pk} = tenant-scoped conversation key, {@code sk} = item kind / time + id; the
 *       conversation item, its messages and short-lived keys (rate limits, response cache, budgets) share the item
 *       collection; TTL on {@code expiresAt} (epoch seconds).</li>
 *   <li>{@code tenants}: {@code pk} = tenant key (and phone_number_id lookup items).</li>
 * </ul>
 * The conversations table has one sparse GSI, {@value #DUE_INDEX} ({@code dueBucket} S, {@code dueAt} N, projection
 * ALL), which the scheduler queries for due work instead of scanning: conversation items carry
 * {@code dueBucket = T#<tenant>#ACT} with their last activity time (the jobs read the stretch of each tenant's
 * timeline that became due since their last run), message items {@code dueBucket = T#<tenant>#DAY#<UTC day>}
 * with their receive time (the daily rollup reads a tenant's day). The store's {@code TableBootstrap} creates
 * the same index locally; keep the two in step.
 * Both on-demand, point-in-time recovery, encrypted with the customer-managed key; deletion protection and
 * RETAIN when {@code protect} is set (prod).
 */
public final class AgentTables extends Construct {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String TTL_ATTRIBUTE = "expiresAt";
    public static final String DUE_INDEX = "due-index";
    public static final String DUE_BUCKET = "dueBucket";
    public static final String DUE_AT = "dueAt";

    /**
     * @param namePrefix e.g. {@code wa-agent-dev}
     * @param key        customer-managed KMS key
     * @param protect    deletion protection + RETAIN (prod) instead of DESTROY (dev)
     */
    public record Props(String namePrefix, IKey key, boolean protect) {
        public Props {
            if (namePrefix == null || !namePrefix.matches("[A-Za-z0-9_.-]{3,200}")) {
                throw new IllegalArgumentException("namePrefix must be 3-200 of [A-Za-z0-9_.-]: " + namePrefix);
            }
            Objects.requireNonNull(key, "key");
        }
    }

    private final Table conversations;
    private final Table tenants;

    public AgentTables(Construct scope, String id, Props props) {
        super(scope, id);
        RemovalPolicy removal = props.protect() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        conversations = Table.Builder.create(this, "Conversations")
                .tableName(props.namePrefix() + "-conversations")
                .partitionKey(Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(SORT_KEY).type(AttributeType.STRING).build())
                .timeToLiveAttribute(TTL_ATTRIBUTE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(props.key())
                .deletionProtection(props.protect())
                .removalPolicy(removal)
                .build();
        conversations.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(DUE_INDEX)
                .partitionKey(Attribute.builder().name(DUE_BUCKET).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(DUE_AT).type(AttributeType.NUMBER).build())
                .projectionType(ProjectionType.ALL)
                .build());
        tenants = Table.Builder.create(this, "Tenants")
                .tableName(props.namePrefix() + "-tenants")
                .partitionKey(Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(props.key())
                .deletionProtection(props.protect())
                .removalPolicy(removal)
                .build();
    }

    public Table conversations() {
        return conversations;
    }

    public Table tenants() {
        return tenants;
    }
}
