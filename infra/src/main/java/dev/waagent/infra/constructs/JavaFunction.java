package dev.waagent.infra.constructs;

import dev.waagent.infra.nag.Nag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A Java Lambda function the way every function of this system runs: Java 21 on arm64, SnapStart on published
 * versions with an alias {@value #ALIAS} on the current version (callers must invoke the alias, or SnapStart is
 * not used), active X-Ray tracing, its own log group with retention, and its own role that may write only to that
 * log group (no AWS-managed policies).
 */
public final class JavaFunction extends Construct {

    public static final String ALIAS = "live";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HANDLER = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+(::[A-Za-z_$][\\w$]*)?");

    /**
     * @param functionName  physical name (also names the log group)
     * @param description   shown in the console
     * @param handler       fully-qualified handler class
     * @param code          the deployable jar (tests pass a tiny placeholder asset)
     * @param memoryMb      128..10240
     * @param timeout       at most 15 minutes
     * @param environment   environment variables
     * @param logRetention  retention of the function's log group
     * @param removalPolicy what happens to the log group when the stack is deleted
     * @param vpc           run inside this VPC's private subnets with egress (empty: no VPC)
     * @param securityGroups security groups when in a VPC
     */
    public record Props(String functionName, String description, String handler, Code code, int memoryMb,
                        java.time.Duration timeout, Map<String, String> environment, RetentionDays logRetention,
                        RemovalPolicy removalPolicy, Optional<IVpc> vpc, List<ISecurityGroup> securityGroups) {
        public Props {
            if (functionName == null || !NAME.matcher(functionName).matches()) {
                throw new IllegalArgumentException("functionName must be 1-64 of [A-Za-z0-9_-]: " + functionName);
            }
            if (handler == null || !HANDLER.matcher(handler).matches()) {
                throw new IllegalArgumentException("handler must be a fully-qualified class name: " + handler);
            }
            Objects.requireNonNull(code, "code");
            if (memoryMb < 128 || memoryMb > 10_240) {
                throw new IllegalArgumentException("memoryMb must be 128..10240, got " + memoryMb);
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toSeconds() < 1 || timeout.toSeconds() > 900) {
                throw new IllegalArgumentException("timeout must be 1..900 s, got " + timeout);
            }
            environment = Map.copyOf(Objects.requireNonNullElse(environment, Map.of()));
            Objects.requireNonNull(logRetention, "logRetention");
            Objects.requireNonNull(removalPolicy, "removalPolicy");
            vpc = Objects.requireNonNullElse(vpc, Optional.empty());
            securityGroups = List.copyOf(Objects.requireNonNullElse(securityGroups, List.of()));
            if (vpc.isPresent() == securityGroups.isEmpty()) {
                throw new IllegalArgumentException("a function in a VPC needs security groups, and only then");
            }
            description = Objects.requireNonNullElse(description, functionName);
        }
    }

    private final Function function;
    private final Alias alias;
    private final Role role;
    private final LogGroup logGroup;

    public JavaFunction(Construct scope, String id, Props props) {
        super(scope, id);
        logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + props.functionName())
                .retention(props.logRetention())
                .removalPolicy(props.removalPolicy())
                .build();

        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of " + props.functionName())
                .build();
        logGroup.grantWrite(role);
        props.vpc().ifPresent(vpc -> {
            // What AWSLambdaVPCAccessExecutionRole grants, inline so no AWS-managed policy is attached.
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                            "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses"))
                    .resources(List.of("*"))
                    .build());
        });

        var builder = Function.Builder.create(this, "Function")
                .functionName(props.functionName())
                .description(props.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(props.handler())
                .code(props.code())
                .memorySize(props.memoryMb())
                .timeout(Duration.seconds(props.timeout().toSeconds()))
                .environment(props.environment())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .logGroup(logGroup)
                .role(role);
        props.vpc().ifPresent(vpc -> builder
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(props.securityGroups()));
        function = builder.build();

        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every deployment publishes currentVersion and moves the alias to it; callers invoke the alias.");

        Nag.suppress(function, Nag.rule("AwsSolutions-L1",
                "Java 21 is the runtime the functions are built and tested for (Micronaut 4.10, SnapStart priming); "
                        + "java25 is newer but not yet validated for this code. Revisit when the build moves to 25."));
        Nag.suppress(role, Nag.rule("AwsSolutions-IAM5",
                "Resource '*' only for actions without resource-level permissions: X-Ray "
                        + "PutTraceSegments/PutTelemetryRecords (active tracing)"
                        + (props.vpc().isPresent()
                                ? " and Lambda's VPC networking (ec2:*NetworkInterface*, DescribeSubnets: the "
                                        + "content of AWSLambdaVPCAccessExecutionRole)."
                                : "."),
                "Resource::*"));
    }

    /** The unqualified function (for metrics, names). */
    public Function function() {
        return function;
    }

    /** The alias every caller must invoke so the SnapStart snapshot is used. */
    public Alias alias() {
        return alias;
    }

    public Role role() {
        return role;
    }

    public LogGroup logGroup() {
        return logGroup;
    }
}
