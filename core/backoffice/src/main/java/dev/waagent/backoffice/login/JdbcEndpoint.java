package dev.waagent.backoffice.login;

import java.net.URI;

/** Host and port of a {@code jdbc:postgresql://host[:port]/db?…} URL (what an IAM auth token is signed for). */
record JdbcEndpoint(String host, int port) {

    static final int POSTGRES_PORT = 5432;

    static JdbcEndpoint parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("IAM database authentication needs a jdbc:postgresql://host:port/db URL");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in the datasource URL");
        }
        return new JdbcEndpoint(uri.getHost(), uri.getPort() < 0 ? POSTGRES_PORT : uri.getPort());
    }
}
