package dev.waagent.infra.constructs;

import dev.waagent.infra.config.EnvVar;
import dev.waagent.infra.config.FunctionEnvironment;
import dev.waagent.infra.nag.Nag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsFromUsernameOptions;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.constructs.Construct;

/**
 * The back office: a VPC (public, private-with-egress and isolated subnets; NAT for the worker's calls to the Graph
 * API and LLM providers; a DynamoDB gateway endpoint; rejected-traffic flow logs), an Aurora Serverless v2
 * PostgreSQL cluster in the isolated subnets (KMS-encrypted, IAM auth, credentials in Secrets Manager rotated every
 * 30 days), and an RDS Proxy the functions reach with IAM auth over TLS (no password in the functions, so rotation
 * never breaks them). Security groups: client → proxy → cluster, on the PostgreSQL port only.
 */
public final class AuroraBackOffice extends Construct implements BackOfficeDatabase {

    public static final String DATABASE_NAME = "waagent";
    public static final String USERNAME = "waagent";
    public static final int PORT = 5432;

    /**
     * @param namePrefix   e.g. {@code wa-agent-dev}
     * @param secretName   name of the generated master credentials secret
     * @param key          customer-managed key for storage encryption
     * @param protect      deletion protection, snapshot on delete, a reader in a second AZ (prod)
     * @param minCapacity  ACUs (0 = auto-pause when idle)
     * @param maxCapacity  ACUs
     * @param natGateways  1..3
     * @param logRetention flow-log and PostgreSQL log retention
     */
    public record Props(String namePrefix, String secretName, IKey key, boolean protect, double minCapacity,
                        double maxCapacity, int natGateways, RetentionDays logRetention) {
        public Props {
            if (namePrefix == null || !namePrefix.matches("[a-z][a-z0-9-]{1,40}")) {
                throw new IllegalArgumentException("namePrefix must be 2-41 of [a-z0-9-] starting with a letter: "
                        + namePrefix);
            }
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(key, "key");
            if (minCapacity < 0 || maxCapacity < 1 || minCapacity > maxCapacity || maxCapacity > 256) {
                throw new IllegalArgumentException("capacity must be 0 <= min <= max <= 256, max >= 1");
            }
            if (natGateways < 1 || natGateways > 3) {
                throw new IllegalArgumentException("natGateways must be 1..3");
            }
            Objects.requireNonNull(logRetention, "logRetention");
        }
    }

    private final Vpc vpc;
    private final SecurityGroup clientSecurityGroup;
    private final DatabaseCluster cluster;
    private final DatabaseProxy proxy;

    public AuroraBackOffice(Construct scope, String id, Props props) {
        super(scope, id);
        RemovalPolicy logRemoval = props.protect() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        vpc = Vpc.Builder.create(this, "Vpc")
                .vpcName(props.namePrefix())
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(2)
                .natGateways(props.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder().name("app").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(20).build(),
                        SubnetConfiguration.builder().name("data").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB).build()))
                .restrictDefaultSecurityGroup(false)
                .build();
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .logGroupName("/aws/vpc/" + props.namePrefix() + "/flow-logs")
                .retention(props.logRetention())
                .removalPolicy(logRemoval)
                .build();
        vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.REJECT)
                .build());

        clientSecurityGroup = SecurityGroup.Builder.create(this, "ClientSecurityGroup")
                .vpc(vpc)
                .description("Functions that use the back-office database (admin API, worker, scheduler)")
                .allowAllOutbound(true)
                .build();
        SecurityGroup proxySecurityGroup = SecurityGroup.Builder.create(this, "ProxySecurityGroup")
                .vpc(vpc)
                .description("RDS Proxy of the back-office database")
                .allowAllOutbound(false)
                .build();
        SecurityGroup databaseSecurityGroup = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
                .vpc(vpc)
                .description("Aurora cluster of the back-office database")
                .allowAllOutbound(false)
                .build();

        String clusterIdentifier = props.namePrefix() + "-backoffice";
        // Created here so the exported PostgreSQL log has a retention (RDS would create it with none).
        LogGroup postgresLogs = LogGroup.Builder.create(this, "PostgresLogs")
                .logGroupName("/aws/rds/cluster/" + clusterIdentifier + "/postgresql")
                .retention(props.logRetention())
                .removalPolicy(logRemoval)
                .build();
        var writer = ClusterInstance.serverlessV2("Writer", ServerlessV2ClusterInstanceProps.builder()
                .publiclyAccessible(false)
                .autoMinorVersionUpgrade(true)
                .build());
        var readers = props.protect()
                ? List.of(ClusterInstance.serverlessV2("Reader", ServerlessV2ClusterInstanceProps.builder()
                        .publiclyAccessible(false)
                        .autoMinorVersionUpgrade(true)
                        .scaleWithWriter(true)
                        .build()))
                : List.<software.amazon.awscdk.services.rds.IClusterInstance>of();
        cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .clusterIdentifier(clusterIdentifier)
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_9).build()))
                .writer(writer)
                .readers(readers)
                .serverlessV2MinCapacity(props.minCapacity())
                .serverlessV2MaxCapacity(props.maxCapacity())
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                .securityGroups(List.of(databaseSecurityGroup))
                .port(PORT)
                .defaultDatabaseName(DATABASE_NAME)
                .credentials(Credentials.fromGeneratedSecret(USERNAME, CredentialsFromUsernameOptions.builder()
                        .secretName(props.secretName())
                        .build()))
                .storageEncrypted(true)
                .storageEncryptionKey(props.key())
                .iamAuthentication(true)
                .deletionProtection(props.protect())
                .removalPolicy(props.protect() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .backup(BackupProps.builder().retention(Duration.days(props.protect() ? 14 : 1)).build())
                .cloudwatchLogsExports(List.of("postgresql"))
                .copyTagsToSnapshot(true)
                .build();
        cluster.getNode().addDependency(postgresLogs);
        cluster.addRotationSingleUser(RotationSingleUserOptions.builder()
                .automaticallyAfter(Duration.days(30))
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .build());

        proxy = cluster.addProxy("Proxy", DatabaseProxyOptions.builder()
                .dbProxyName(props.namePrefix() + "-backoffice")
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(proxySecurityGroup))
                .secrets(List.of(Objects.requireNonNull(cluster.getSecret())))
                .iamAuth(true)
                .requireTls(true)
                .build());
        // addProxy already admits the proxy's security group into the cluster's.
        proxy.getConnections().allowFrom(clientSecurityGroup, Port.tcp(PORT), "Functions to RDS Proxy");

        if (!props.protect()) {
            Nag.suppress(cluster, Nag.rule("AwsSolutions-RDS10",
                    "Deletion protection is on in prod; the dev stage is disposable by design (DESTROY)."));
        }
    }

    @Override
    public Optional<IVpc> vpc() {
        return Optional.of(vpc);
    }

    @Override
    public List<ISecurityGroup> clientSecurityGroups() {
        return List.of(clientSecurityGroup);
    }

    @Override
    public FunctionEnvironment environment() {
        return FunctionEnvironment.builder()
                .put(EnvVar.DATASOURCES_DEFAULT_URL,
                        "jdbc:postgresql://" + proxy.getEndpoint() + ":" + PORT + "/" + DATABASE_NAME
                                + "?sslmode=require")
                .put(EnvVar.DATASOURCES_DEFAULT_USERNAME, USERNAME)
                .put(EnvVar.WA_BACKOFFICE_IAM_AUTH, "true")
                .build();
    }

    @Override
    public void grantConnect(IGrantable grantee) {
        proxy.grantConnect(grantee, USERNAME);
    }

    public DatabaseCluster cluster() {
        return cluster;
    }

    public DatabaseProxy proxy() {
        return proxy;
    }

    public Vpc network() {
        return vpc;
    }
}
