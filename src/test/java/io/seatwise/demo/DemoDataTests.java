package io.seatwise.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw spring-boot:run} on an empty database: three demo customers with subscriptions, users in three
 * scripts, and some of them licensed, with every pool's assigned seats equal to its active assignments.
 */
@SpringBootTest(properties = {"seatwise.demo-data=true",
        "spring.datasource.url=jdbc:h2:mem:seatwise-demo-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoDataTests {

    @Autowired
    JdbcClient jdbc;

    long count(String sql, Object... args) {
        var statement = jdbc.sql(sql);
        for (Object a : args) {
            statement = statement.param(a);
        }
        return statement.query(Long.class).single();
    }

    @Test
    void theDemoTenantsHaveUsersAndLicenses() {
        assertThat(count("SELECT count(*) FROM customer")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM app_user u JOIN customer c ON c.id = u.customer_id "
                + "WHERE c.name = 'Contoso Ltd'")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM app_user WHERE display_name = 'Ольга Иванова'")).isEqualTo(1);
        Map<String, Long> licensed = new java.util.HashMap<>();
        jdbc.sql("SELECT c.name, count(*) FROM license_assignment a JOIN customer c ON c.id = a.customer_id "
                        + "WHERE a.state = 'ACTIVE' GROUP BY c.name")
                .query(rs -> {
                    licensed.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(licensed).containsExactlyInAnyOrderEntriesOf(Map.of("Contoso Ltd", 8L, "Fabrikam AB", 2L,
                "Northwind SARL", 3L));
        assertThat(count("SELECT count(*) FROM subscription s WHERE s.assigned <> (SELECT count(*) FROM "
                + "license_assignment a WHERE a.customer_id = s.customer_id AND a.sku_id = s.sku_id "
                + "AND a.state = 'ACTIVE')")).isZero();
        assertThat(count("SELECT count(*) FROM license_change")).isEqualTo(4);
    }
}
