package io.seatwise.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at this run's PostgreSQL database. */
class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + Postgres.url(),
                "spring.datasource.username=" + Postgres.user(),
                "spring.datasource.password=" + Postgres.password()).applyTo(context);
    }
}
