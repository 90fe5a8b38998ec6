package io.seatwise.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.SeatwiseApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first start creates the initial Admin agent; there is never a fixed default password. Each test starts the
 * real application (with its web server on a free port) against its own empty in-memory H2 database, configured
 * the way an operator does it: SEATWISE_ADMIN_EMAIL and SEATWISE_ADMIN_PASSWORD.
 */
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminTests {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password:\\s+(\\S+)");

    static String freshDatabase() {
        return "jdbc:h2:mem:initial-admin-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    static ConfigurableApplicationContext start(String database, String email, String password) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database,
                "--seatwise.demo-data=false", "--server.port=0", "--spring.main.banner-mode=off",
                // not about the second factor: the first Admin's password alone makes a token here
                "--seatwise.mfa.required=false",
                "--SEATWISE_ADMIN_EMAIL=" + email));
        if (password != null) {
            args.add("--SEATWISE_ADMIN_PASSWORD=" + password);
        }
        return new SpringApplicationBuilder(SeatwiseApplication.class).run(args.toArray(String[]::new));
    }

    static String hash(ConfigurableApplicationContext app, String email) {
        return app.getBean(JdbcClient.class).sql("SELECT password_hash FROM agent WHERE email = ?").param(email)
                .query(String.class).single();
    }

    static long agents(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("SELECT count(*) FROM agent").query(Long.class).single();
    }

    /** POST /api/v1/tokens over real HTTP with the email and password. */
    static HttpResponse<String> createToken(ConfigurableApplicationContext app, String email, String password)
            throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"first\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGivenPasswordBecomesTheFirstAdminsPassword(CapturedOutput output) throws Exception {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
        try (var app = start(freshDatabase(), email, "given-password-123")) {
            assertThat(agents(app)).isEqualTo(1);
            String hash = hash(app, email);
            assertThat(hash).startsWith("{argon2}").doesNotContain("given-password-123");
            assertThat(app.getBean(PasswordEncoder.class).matches("given-password-123", hash)).isTrue();
            assertThat(app.getBean(JdbcClient.class).sql("SELECT role || '/' || must_change_password FROM agent")
                    .query(String.class).single()).isEqualToIgnoringCase("ADMIN/false");

            HttpResponse<String> token = createToken(app, email, "given-password-123");
            assertThat(token.statusCode()).isEqualTo(201);
            assertThat(token.body()).contains("\"token\":\"sw_");
            assertThat(output.getAll()).doesNotContain("given-password-123");
        }
    }

    @Test
    void withoutAPasswordOneIsGeneratedPrintedOnceAndMustBeChanged(CapturedOutput output) throws Exception {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
        try (var app = start(freshDatabase(), email, "")) {
            Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
            assertThat(printed.find()).as("the generated password is printed").isTrue();
            String password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(output.getOut()).contains(email);
            assertThat(output.getAll().split(Pattern.quote(password), -1)).as("printed exactly once").hasSize(2);

            String hash = hash(app, email);
            assertThat(hash).startsWith("{argon2}");
            assertThat(app.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
            assertThat(app.getBean(JdbcClient.class).sql("SELECT must_change_password FROM agent WHERE email = ?")
                    .param(email).query(Boolean.class).single()).isTrue();

            // It signs in, but must replace the password before anything else
            HttpResponse<String> token = createToken(app, email, password);
            assertThat(token.statusCode()).isEqualTo(403);
            assertThat(token.body()).contains("urn:seatwise:problem:password-change-required");
        }
    }

    @Test
    void aLaterStartWithAgentsPresentCreatesNobody(CapturedOutput output) throws Exception {
        String database = freshDatabase();
        try (var first = start(database, "first@partner.example", "first-password-123")) {
            assertThat(agents(first)).isEqualTo(1);
        }
        int printedBefore = output.getOut().length();

        try (var second = start(database, "second@partner.example", "")) {
            assertThat(agents(second)).isEqualTo(1);
            assertThat(second.getBean(JdbcClient.class).sql("SELECT email FROM agent").query(String.class).single())
                    .isEqualTo("first@partner.example");
            assertThat(output.getOut().substring(printedBefore)).doesNotContain("initial Admin agent created");
            assertThat(createToken(second, "first@partner.example", "first-password-123").statusCode())
                    .isEqualTo(201);
        }
        try (var third = start(database, "first@partner.example", "another-password-456")) {
            assertThat(agents(third)).isEqualTo(1);
            assertThat(createToken(third, "first@partner.example", "another-password-456").statusCode())
                    .as("the password of a later start changes nothing").isEqualTo(401);
        }
    }

    @Test
    void aTooShortPasswordStopsTheStartWithAClearMessage() throws Exception {
        String database = freshDatabase();

        assertThatThrownBy(() -> start(database, "owner@partner.example", "short-11ch").close())
                .satisfies(e -> {
                    StringBuilder messages = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                    assertThat(messages.toString()).contains("SEATWISE_ADMIN_PASSWORD").contains("12 characters");
                });

        // and nobody was created
        try (Connection c = DriverManager.getConnection(database, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM agent")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
