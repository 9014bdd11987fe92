package dev.waagent.backoffice.login;

import com.zaxxer.hikari.util.DriverDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Puts a {@link LoginDataSource} under the default datasource's pool when a {@link DatabaseLogin} is configured, so
 * each new physical connection logs in with fresh credentials (IAM token, or the secret's current password).
 */
@Singleton
@Requires(beans = DatabaseLogin.class)
public class DatabaseLoginListener implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final BeanProvider<DatabaseLogin> login;

    public DatabaseLoginListener(BeanProvider<DatabaseLogin> login) {
        this.login = login;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (!"default".equals(configuration.getName())) {
            return configuration;
        }
        DriverDataSource driver = new DriverDataSource(configuration.getUrl(), configuration.getDriverClassName(),
                configuration.getDataSourceProperties(), null, null);
        configuration.setDataSource(new LoginDataSource(driver::getConnection, login.get()));
        return configuration;
    }
}
