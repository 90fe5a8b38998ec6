package io.seatwise.support;

import io.seatwise.licensing.LicensingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the console's MockMvc tests open with: MockMvc, signed-in agents and customers ({@link ConsoleFixtures}),
 * customers with users and seats ({@link LicensingFixture}), and the database. A subclass carries its own
 * {@code @H2Test} or {@code @PostgresTest}.
 */
public abstract class ConsoleTestSupport {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ConsoleFixtures fixtures;
    @Autowired
    protected LicensingFixture licensing;
    @Autowired
    protected JdbcClient jdbc;
}
