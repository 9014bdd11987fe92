package dev.waagent.infra.constructs;

import dev.waagent.infra.config.EnvVar;
import dev.waagent.infra.config.FunctionEnvironment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * An existing PostgreSQL (context {@code useExistingDatabase=true}): no VPC, Aurora or proxy is created. The
 * database must be reachable from Lambda outside a VPC (TLS required in the JDBC URL); the functions read the
 * username and password from the given secret ({@code username}/{@code password} keys, the RDS secret format).
 */
public final class ExistingBackOffice extends Construct implements BackOfficeDatabase {

    /**
     * @param jdbcUrl   {@code jdbc:postgresql://host:5432/db?sslmode=require}
     * @param secretArn complete ARN of the credentials secret
     */
    public record Props(String jdbcUrl, String secretArn) {
        public Props {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql://");
            }
            Objects.requireNonNull(secretArn, "secretArn");
        }
    }

    private final Props props;
    private final ISecret secret;

    public ExistingBackOffice(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        this.secret = Secret.fromSecretCompleteArn(this, "Credentials", props.secretArn());
    }

    @Override
    public Optional<IVpc> vpc() {
        return Optional.empty();
    }

    @Override
    public List<ISecurityGroup> clientSecurityGroups() {
        return List.of();
    }

    @Override
    public FunctionEnvironment environment() {
        return FunctionEnvironment.builder()
                .put(EnvVar.DATASOURCES_DEFAULT_URL, props.jdbcUrl())
                .put(EnvVar.WA_BACKOFFICE_IAM_AUTH, "false")
                .put(EnvVar.WA_BACKOFFICE_DB_SECRET_ARN, props.secretArn())
                .build();
    }

    @Override
    public void grantConnect(IGrantable grantee) {
        secret.grantRead(grantee);
    }
}
