package io.seatwise.shared;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the {@link SqlDialect} once, from the database the application starts on. */
@Configuration(proxyBeanMethods = false)
class SqlDialectConfig {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }
}
