package dev.waagent.infra.constructs;

import dev.waagent.infra.config.FunctionEnvironment;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * How the worker and scheduler reach the back-office PostgreSQL (the webhook never does): either the Aurora
 * Serverless v2 cluster behind RDS Proxy this app creates ({@link AuroraBackOffice}) or an existing database
 * ({@link ExistingBackOffice}).
 */
public interface BackOfficeDatabase {

    /** The VPC the clients must run in (empty: the database is reachable without one). */
    Optional<IVpc> vpc();

    /** Security groups the clients must carry (empty when there is no VPC). */
    List<ISecurityGroup> clientSecurityGroups();

    /** Datasource variables for the clients. */
    FunctionEnvironment environment();

    /** Lets a client connect (rds-db:connect on the proxy, or read of the credentials secret). */
    void grantConnect(IGrantable grantee);
}
