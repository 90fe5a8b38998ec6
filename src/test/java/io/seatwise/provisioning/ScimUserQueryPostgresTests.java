package io.seatwise.provisioning;

import java.util.List;

import io.seatwise.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class ScimUserQueryPostgresTests extends ScimUserQueryTests {

    @Autowired
    TransactionTemplate transaction;

    /**
     * {@code userName eq} (targets.md B10) is a probe of a user name index: shown with sequential scans priced out,
     * since 20 users are read faster by a scan, and with statistics (without them the planner may take any index
     * on customer_id); the benchmark measures it in a tenant of a million.
     */
    @Test
    void userNameEqIsAnIndexProbe() {
        ScimFilterSql.Where where = ScimFilterSql.where("userName eq \"Amy.Smith@" + domain + "\"");
        List<String> plan = transaction.execute(s -> {
            jdbc.sql("ANALYZE app_user").update();
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN SELECT count(*) FROM app_user u WHERE " + ScimUserQuery.condition(where))
                    .params(where.params()).param("customer", customer.value()).query(String.class).list();
        });
        assertThat(String.join("\n", plan)).containsAnyOf("app_user_name_unique", "app_user_upn_idx",
                "app_user_name_key_prefix_idx");
    }
}
