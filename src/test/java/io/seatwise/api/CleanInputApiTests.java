package io.seatwise.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Clean text in, or a clear refusal, through the API: every kind of text field refuses control, bidirectional and
 * zero-width characters and unpaired surrogates with a 400 naming the field and stores nothing; names are stored in
 * NFC; JSON with a key given twice or a string for a number is refused and changes nothing; an upload's file name
 * with NUL or over 255 characters is refused. On H2 and PostgreSQL.
 */
abstract class CleanInputApiTests extends ApiTestSupport {

    /** Each refused kind, as a JSON escape: C0, C1, line breaks, bidi, zero-width, BOM, a lone surrogate. */
    static final List<String> REFUSED = List.of("\\u0000", "\\u001b", "\\r", "\\n", "\\t", "\\u0085", "\\u202e",
            "\\u2066", "\\u200b", "\\u2060", "\\ufeff", "\\ud800");

    Signed admin;
    Signed sales;
    String customer;
    String domain;
    String userId;

    @BeforeEach
    void aCustomerWithAUserAndE3() throws Exception {
        admin = agents.create(Role.ADMIN);
        sales = agents.create(Role.SALES);
        domain = unique("clean") + ".example";
        customer = createCustomer(sales, "SE", domain);
        userId = read(postAs(sales, users(), "{\"userPrincipalName\":\"ann@" + domain + "\",\"displayName\":\"Ann\"}")
                .andExpect(status().isCreated()), "$.id");
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":5}")
                .andExpect(status().isCreated());
    }

    String users() {
        return "/api/v1/customers/" + customer + "/users";
    }

    long stored() {
        return count("SELECT count(*) FROM customer") + count("SELECT count(*) FROM app_user")
                + count("SELECT count(*) FROM api_token") + count("SELECT count(*) FROM agent");
    }

    @Test
    void everyKindOfTextFieldRefusesEachBadCharacterNamingTheFieldAndStoresNothing() throws Exception {
        long before = stored();
        String user = "SELECT first_name || '/' || last_name || '/' || display_name FROM app_user WHERE id = ?";
        String userBefore = jdbc.sql(user.replace("first_name ||", "coalesce(first_name, '') ||")
                .replace("last_name ||", "coalesce(last_name, '') ||")).param(UUID.fromString(userId))
                .query(String.class).single();
        for (String c : REFUSED) {
            String bad = "a" + c + "b";
            postAs(sales, "/api/v1/customers", "{\"name\":\"" + bad + "\",\"country\":\"SE\",\"domains\":[\""
                    + unique("d") + ".example\"]}").andExpect(problem(400, "invalid-characters", "name"));
            postAs(sales, "/api/v1/customers", "{\"name\":\"" + unique("C") + "\",\"country\":\"SE\",\"domains\":[\""
                    + unique("d") + ".example\",\"x" + c + ".example\"]}")
                    .andExpect(problem(400, "invalid-characters", "domains[1]"));
            postAs(sales, users(), "{\"userPrincipalName\":\"" + bad + "@" + domain + "\",\"displayName\":\"X\"}")
                    .andExpect(problem(400, "invalid-characters", "userPrincipalName"));
            for (String field : List.of("firstName", "lastName", "displayName")) {
                postAs(sales, users(), "{\"userPrincipalName\":\"" + unique("u") + "@" + domain + "\",\"" + field
                        + "\":\"" + bad + "\"}").andExpect(problem(400, "invalid-characters", field))
                        .andExpect(jsonPath("$.character").exists());
                patchAs(sales, users() + "/" + userId, "{\"" + field + "\":\"" + bad + "\"}")
                        .andExpect(problem(400, "invalid-characters", field));
            }
            postAs(sales, "/api/v1/tokens", "{\"name\":\"" + bad + "\"}")
                    .andExpect(problem(400, "invalid-characters", "name"));
            postAs(admin, "/api/v1/agents", "{\"email\":\"" + bad + "@partner.example\",\"role\":\"SALES\"}")
                    .andExpect(problem(400, "invalid-characters", "email"));
            postAs(admin, "/api/v1/agents", "{\"email\":\"" + unique("a") + "@partner.example\",\"displayName\":\""
                    + bad + "\",\"role\":\"SALES\"}").andExpect(problem(400, "invalid-characters", "displayName"));
        }
        // The issue's example: a right-to-left override in an agent's email
        postAs(admin, "/api/v1/agents", "{\"email\":\"ev\\u202eil@partner.example\",\"role\":\"SALES\"}")
                .andExpect(problem(400, "invalid-characters", "email"))
                .andExpect(jsonPath("$.character").value("U+202E"));

        assertThat(stored()).isEqualTo(before);
        assertThat(jdbc.sql(user.replace("first_name ||", "coalesce(first_name, '') ||")
                .replace("last_name ||", "coalesce(last_name, '') ||")).param(UUID.fromString(userId))
                .query(String.class).single()).isEqualTo(userBefore);
    }

    @Test
    void namesAreStoredComposed() throws Exception {
        // "José" and "Zoë" written decomposed: e + U+0301, e + U+0308
        String id = read(postAs(sales, users(), "{\"userPrincipalName\":\"jose@" + domain + "\",\"firstName\":"
                + "\"Jose\\u0301\",\"lastName\":\"Zoe\\u0308\",\"displayName\":\"Jose\\u0301 Zoe\\u0308\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("Jos\u00e9 Zo\u00eb")), "$.id");
        assertThat(jdbc.sql("SELECT first_name || '|' || last_name || '|' || display_name FROM app_user WHERE id = ?")
                .param(UUID.fromString(id)).query(String.class).single())
                .isEqualTo("Jos\u00e9|Zo\u00eb|Jos\u00e9 Zo\u00eb");
        patchAs(sales, users() + "/" + id, "{\"displayName\":\"Rene\\u0301e\"}").andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("Ren\u00e9e");

        String c = read(postAs(sales, "/api/v1/customers", "{\"name\":\"Cafe\\u0301 " + unique("") + "\","
                + "\"country\":\"SE\",\"domains\":[\"" + unique("d") + ".example\"]}")
                .andExpect(status().isCreated()), "$.id");
        assertThat(jdbc.sql("SELECT name FROM customer WHERE id = ?").param(UUID.fromString(c)).query(String.class)
                .single()).startsWith("Caf\u00e9 ");
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheKeyAndBuysNothing() throws Exception {
        String orders = "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders";
        postAs(sales, orders, "{\"quantity\":1,\"quantity\":2000}")
                .andExpect(problem(400, "duplicate-key", "quantity"));
        postAs(sales, orders, "{\"quantity\":\"5\"}").andExpect(problem(400, "malformed-request", "quantity"));
        postAs(sales, orders, "{\"quantity\":\"\"}").andExpect(problem(400, "malformed-request", "quantity"));

        assertThat(count("SELECT quantity FROM subscription WHERE customer_id = ?", UUID.fromString(customer)))
                .isEqualTo(5);
        getAs(sales, orders).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));

        // Nested and hand-read bodies too, with the path to the key
        patchAs(sales, users() + "/" + userId, "{\"displayName\":\"A\",\"displayName\":\"B\"}")
                .andExpect(problem(400, "duplicate-key", "displayName"));
        postAs(sales, "/api/v1/customers/" + customer + "/users/" + userId + "/licenseupdates",
                "{\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\",\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(problem(400, "duplicate-key", "licensesToAssign[0].skuId"));
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(UUID.fromString(userId))
                .query(String.class).single()).isEqualTo("Ann");
        assertThat(count("SELECT assigned FROM subscription WHERE customer_id = ?", UUID.fromString(customer)))
                .isZero();
    }

    @Test
    void anUploadsFileNameWithNulOrOver255CharactersIsRefused() throws Exception {
        long users = count("SELECT count(*) FROM app_user");
        long jobs = count("SELECT count(*) FROM job");
        byte[] file = ("Display name,User name\nBo,bo@" + domain + "\n").getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("users\u0000.csv", "x".repeat(256), "x".repeat(5000))) {
            for (String query : List.of("", "?async=true", "?validateOnly=true")) {
                mvc.perform(multipart(users() + "/import" + query)
                                .file(new MockMultipartFile("file", name, "text/csv", file))
                                .header("Authorization", sales.bearer()))
                        .andExpect(problem(400, "invalid-file-name", "file"));
            }
        }
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);
        assertThat(count("SELECT count(*) FROM job")).isEqualTo(jobs);

        mvc.perform(multipart(users() + "/import").file(new MockMultipartFile("file", "x".repeat(251) + ".csv",
                        "text/csv", file)).header("Authorization", sales.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
    }

    @Test
    void theImportReportGivesLineColumnAndCodeOfEachBadCharacter() throws Exception {
        String file = "First name,Last name,Display name,User name\n"
                + "Ann,Lee,Ann Lee,ann2@" + domain + "\n"
                + "Bo\u202e,Ek,Bo Ek,bo@" + domain + "\n"
                + "Cy,C\u0000y,Cy,cy@" + domain + "\n"
                + "Di,Di,\"Di\r\nDi\",di@" + domain + "\n"
                + "Ed,Ed,Ed,e\u200bd@" + domain + "\n"
                + "Fa\u0301,Fo,,fa@" + domain + "\n";
        long users = count("SELECT count(*) FROM app_user");

        mvc.perform(multipart(users() + "/import?validateOnly=true").file(new MockMultipartFile("file", "u.csv",
                        "text/csv", file.getBytes(StandardCharsets.UTF_8))).header("Authorization", sales.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.valid").value(2))
                .andExpect(jsonPath("$.problems", hasSize(4)))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("First name"))
                .andExpect(jsonPath("$.problems[0].code").value("invalid-characters"))
                .andExpect(jsonPath("$.problems[1].line").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("Last name"))
                .andExpect(jsonPath("$.problems[1].code").value("invalid-characters"))
                .andExpect(jsonPath("$.problems[2].line").value(5))
                .andExpect(jsonPath("$.problems[2].column").value("Display name"))
                .andExpect(jsonPath("$.problems[2].code").value("invalid-characters"))
                .andExpect(jsonPath("$.problems[3].line").value(7))
                .andExpect(jsonPath("$.problems[3].column").value("User name"))
                .andExpect(jsonPath("$.problems[3].code").value("invalid-characters"));
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(users);

        // Created, the decomposed name is stored composed
        mvc.perform(multipart(users() + "/import").file(new MockMultipartFile("file", "u.csv", "text/csv",
                        file.getBytes(StandardCharsets.UTF_8))).header("Authorization", sales.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        assertThat(jdbc.sql("SELECT first_name || '|' || display_name FROM app_user WHERE user_name_key = ?")
                .param("fa@" + domain).query(String.class).single()).isEqualTo("F\u00e1|F\u00e1 Fo");
    }
}
