package dev.waagent.infra;

import static dev.waagent.infra.TemplateJson.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waagent.infra.constructs.AgentTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Tables, queue, key, secrets and the back-office database. */
class DataStackTest {

    private static Map<String, Object> keyArn(TestApps.Synth synth) {
        return Map.of("Fn::GetAtt", List.of(logicalId(synth.stacks().data().key()), "Arn"));
    }

    @Test
    void conversationsTableHasKeysTtlPitrAndCustomerManagedEncryption() {
        var dev = TestApps.dev();
        dev.data().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "wa-agent-dev-conversations",
                "KeySchema", List.of(
                        Map.of("AttributeName", AgentTables.PARTITION_KEY, "KeyType", "HASH"),
                        Map.of("AttributeName", AgentTables.SORT_KEY, "KeyType", "RANGE")),
                "AttributeDefinitions", List.of(
                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "S"),
                        Map.of("AttributeName", AgentTables.DUE_BUCKET, "AttributeType", "S"),
                        Map.of("AttributeName", AgentTables.DUE_AT, "AttributeType", "N")),
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", keyArn(dev)),
                "DeletionProtectionEnabled", false));
    }

    /** The scheduler's due-work index: the same name, keys and projection as the store's TableBootstrap. */
    @Test
    void conversationsTableHasTheSparseDueWorkIndex() {
        TestApps.dev().data().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "wa-agent-dev-conversations",
                "GlobalSecondaryIndexes", List.of(Map.of(
                        "IndexName", "due-index",
                        "KeySchema", List.of(
                                Map.of("AttributeName", "dueBucket", "KeyType", "HASH"),
                                Map.of("AttributeName", "dueAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")))));
        TestApps.dev().data().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "wa-agent-dev-tenants", "GlobalSecondaryIndexes", Match.absent()));
    }

    @Test
    void tenantsTableHasPartitionKeyOnlyAndTheSameProtections() {
        var dev = TestApps.dev();
        dev.data().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "wa-agent-dev-tenants",
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", keyArn(dev))));
        dev.data().resourceCountIs("AWS::DynamoDB::Table", 2);
    }

    @Test
    void devTablesAreDisposableAndProdTablesAreProtectedAndRetained() {
        TestApps.dev().data().allResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
        Template prod = TestApps.prod().data();
        prod.allResources("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        prod.allResourcesProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
        assertThat(TestApps.prod().stacks().data().getTerminationProtection()).isTrue();
        assertThat(TestApps.dev().stacks().data().getTerminationProtection()).isFalse();
    }

    @Test
    void dataKeyRotatesAndIsRetainedInProd() {
        TestApps.dev().data().hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        TestApps.prod().data().hasResource("AWS::KMS::Key", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of("EnableKeyRotation", true))));
        TestApps.dev().data().hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/wa-agent-dev-data"));
    }

    @Test
    void turnQueueIsFifoWithoutContentDedupDelayedByTheBurstWindowAndRedrivenToAFifoDlq() {
        var dev = TestApps.dev();
        var turnQueue = dev.stacks().data().turnQueue();
        dev.data().hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", "wa-agent-dev-turns.fifo",
                "FifoQueue", true,
                "ContentBasedDeduplication", false,
                "DeduplicationScope", "messageGroup",
                "FifoThroughputLimit", "perMessageGroupId",
                "DelaySeconds", 2,
                // 6 x the worker's 60 s timeout
                "VisibilityTimeout", 360,
                "KmsMasterKeyId", keyArn(dev),
                "RedrivePolicy", Map.of(
                        "deadLetterTargetArn", Map.of("Fn::GetAtt",
                                List.of(logicalId(turnQueue.deadLetterQueue()), "Arn")),
                        "maxReceiveCount", 5)));
        dev.data().hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", "wa-agent-dev-turns-dlq.fifo",
                "FifoQueue", true,
                "MessageRetentionPeriod", 1_209_600,
                "KmsMasterKeyId", keyArn(dev)));
        dev.data().resourceCountIs("AWS::SQS::Queue", 2);
    }

    @Test
    void maxReceiveCountComesFromContext() {
        TestApps.prod().data().hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", "wa-agent-prod-turns.fifo",
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3))));
    }

    @Test
    void bothQueuesRefuseNonTlsAccess() {
        var dev = TestApps.dev();
        var turnQueue = dev.stacks().data().turnQueue();
        for (var queue : List.of(turnQueue.queue(), turnQueue.deadLetterQueue())) {
            dev.data().hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                    "Queues", List.of(TemplateJson.ref(queue)),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                            Match.objectLike(Map.of(
                                    "Effect", "Deny",
                                    "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        }
    }

    @Test
    void secretsExistPerTenantAndProviderUnderTheStageConvention() {
        Template data = TestApps.dev().data();
        for (String tenant : TestApps.TENANTS) {
            data.hasResourceProperties("AWS::SecretsManager::Secret",
                    Map.of("Name", "wa-agent/dev/tenants/" + tenant + "/app-secret"));
            data.hasResourceProperties("AWS::SecretsManager::Secret",
                    Map.of("Name", "wa-agent/dev/tenants/" + tenant + "/access-token"));
        }
        for (String provider : TestApps.PROVIDERS) {
            data.hasResourceProperties("AWS::SecretsManager::Secret",
                    Map.of("Name", "wa-agent/dev/providers/" + provider + "/api-key"));
        }
        data.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "wa-agent/dev/meta/app-secret"));
        data.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "wa-agent/dev/meta/verify-token"));
        data.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "wa-agent/dev/twilio/auth-token"));
        data.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "wa-agent/dev/admin/api-key"));
        // Values are generated: nothing secret is written into the template.
        data.allResourcesProperties("AWS::SecretsManager::Secret", Map.of("SecretString", Match.absent()));
        // 2 tenants x 2 + 2 providers + platform app secret + verify token + Twilio token + admin key + DB master
        data.resourceCountIs("AWS::SecretsManager::Secret", 11);
    }

    @Test
    void auroraServerlessV2IsEncryptedIamAuthenticatedAndBehindATlsOnlyIamProxy() {
        var dev = TestApps.dev();
        dev.data().hasResourceProperties("AWS::RDS::DBCluster", Map.of(
                "Engine", "aurora-postgresql",
                "DBClusterIdentifier", "wa-agent-dev-backoffice",
                "DatabaseName", "waagent",
                "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 2),
                "StorageEncrypted", true,
                "KmsKeyId", keyArn(dev),
                "EnableIAMDatabaseAuthentication", true,
                "EnableCloudwatchLogsExports", List.of("postgresql"),
                "DeletionProtection", false));
        dev.data().hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "DBInstanceClass", "db.serverless",
                "PubliclyAccessible", false));
        dev.data().hasResourceProperties("AWS::RDS::DBProxy", Map.of(
                "EngineFamily", "POSTGRESQL",
                "RequireTLS", true,
                "Auth", List.of(Match.objectLike(Map.of("AuthScheme", "SECRETS", "IAMAuth", "REQUIRED")))));
        dev.data().hasResourceProperties("AWS::SecretsManager::RotationSchedule", Map.of(
                "RotationRules", Map.of("ScheduleExpression", "rate(30 days)")));
        dev.data().hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT"));
        dev.data().resourceCountIs("AWS::EC2::NatGateway", 1);
    }

    @Test
    void onlyTheFunctionsSecurityGroupReachesTheProxy() {
        var dev = TestApps.dev();
        var backOffice = (dev.stacks().data().backOffice());
        var client = backOffice.clientSecurityGroups().get(0);
        dev.data().hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp",
                "FromPort", 5432,
                "ToPort", 5432,
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(logicalId(client), "GroupId"))));
        // No security group of the data stack is open to an address range.
        dev.data().allResourcesProperties("AWS::EC2::SecurityGroup", Map.of(
                "SecurityGroupIngress", Match.absent()));
    }

    @Test
    void prodDatabaseIsProtectedSnapshottedAndHasAReader() {
        Template prod = TestApps.prod().data();
        prod.hasResource("AWS::RDS::DBCluster", Map.of(
                "DeletionPolicy", "Snapshot",
                "Properties", Match.objectLike(Map.of(
                        "DeletionProtection", true,
                        "BackupRetentionPeriod", 14,
                        "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 8)))));
        prod.resourceCountIs("AWS::RDS::DBInstance", 2);
        prod.resourceCountIs("AWS::EC2::NatGateway", 2);
    }

    @Test
    void existingDatabaseCreatesNoVpcClusterOrProxy() {
        Template data = TestApps.existingDatabase().data();
        data.resourceCountIs("AWS::EC2::VPC", 0);
        data.resourceCountIs("AWS::RDS::DBCluster", 0);
        data.resourceCountIs("AWS::RDS::DBProxy", 0);
        data.resourceCountIs("AWS::DynamoDB::Table", 2);
    }
}
