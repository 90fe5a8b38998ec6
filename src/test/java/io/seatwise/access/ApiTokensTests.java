package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.security.MessageDigest;

import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API tokens: created with the agent's password, shown once, stored as a hash, listed without secret, revoked. */
abstract class ApiTokensTests extends ApiTestSupport {

    Signed sales;

    @BeforeEach
    void agent() {
        sales = agents.create(Role.SALES);
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    ResultActions createToken(String email, String password, String body) throws Exception {
        var request = post("/api/v1/tokens").header("Authorization", basic(email, password));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAgentCreatesATokenWithItsPasswordAndUsesItAsBearer() throws Exception {
        // When the agent creates a token with email and password
        String name = unique("laptop ");
        var created = createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"" + name + "\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/tokens/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.token").value(startsWith("sw_")))
                .andExpect(jsonPath("$.prefix").exists());
        String token = read(created, "$.token");
        String id = read(created, "$.id");

        // Then the database holds only the SHA-256 of the secret
        assertThat(count("SELECT count(*) FROM api_token WHERE token_hash = ? AND name = ?", sha256(token), name))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM api_token WHERE token_hash = ? OR token_prefix = ? OR name = ?",
                token, token, token)).isZero();
        String row = jdbc.sql("SELECT token_hash || '|' || token_prefix || '|' || name FROM api_token WHERE id = ?")
                .param(java.util.UUID.fromString(id)).query(String.class).single();
        assertThat(row).doesNotContain(token).matches("[0-9a-f]{64}\\|.*");

        // And the token works as a bearer token
        mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // And the list shows it without its secret
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value(hasItem(name)))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].tokenHash").doesNotExist())
                .andExpect(jsonPath("$[*].lastUsedAt").exists());
        String listed = mvc.perform(get("/api/v1/tokens").header("Authorization", sales.bearer()))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(token).doesNotContain(sha256(token));
    }

    @Test
    void aRevokedTokenIsRefusedFromThenOn() throws Exception {
        // Given a second token of the agent
        var created = createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"to revoke\"}")
                .andExpect(status().isCreated());
        String token = read(created, "$.token");
        String id = read(created, "$.id");
        mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // When it is revoked (with the agent's other token)
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", sales.bearer()))
                .andExpect(status().isNoContent());

        // Then it no longer authenticates, the list shows it revoked, and revoking again is a conflict
        mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token))
                .andExpect(problem(401, "unauthorized"));
        mvc.perform(get("/api/v1/tokens").header("Authorization", sales.bearer()))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].revokedAt").value(not(hasItem((Object) null))));
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", sales.bearer()))
                .andExpect(problem(409, "token-revoked"));
        mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer())).andExpect(status().isOk());
    }

    @Test
    void anAgentCannotSeeOrRevokeAnotherAgentsToken() throws Exception {
        Signed other = agents.create(Role.ADMIN);
        String otherId = read(mvc.perform(get("/api/v1/tokens").header("Authorization", other.bearer())), "$[0].id");

        mvc.perform(get("/api/v1/tokens").header("Authorization", sales.bearer()))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(otherId))));
        mvc.perform(delete("/api/v1/tokens/" + otherId).header("Authorization", sales.bearer()))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/customers").header("Authorization", other.bearer())).andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordIsRefusedAndLogged() throws Exception {
        long before = count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                sales.email());

        createToken(sales.email(), "not-the-password", "{\"name\":\"x\"}").andExpect(problem(401, "unauthorized"));

        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                sales.email())).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM api_token WHERE agent_id = ?", sales.agent().id().value()))
                .isEqualTo(1);
    }

    @Test
    void anUnknownEmailIsRefusedLikeAWrongPassword() throws Exception {
        String email = unique("nobody-") + "@test.example";

        createToken(email, TestAgents.PASSWORD, "{\"name\":\"x\"}").andExpect(problem(401, "unauthorized"));

        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?", email))
                .isEqualTo(1);
    }

    @Test
    void anInvitedAgentMustReplaceItsTemporaryPasswordBeforeGettingAToken() throws Exception {
        var invitation = agents.invite(Role.HELPDESK);

        createToken(invitation.agent().email(), invitation.temporaryPassword(), "{\"name\":\"x\"}")
                .andExpect(problem(403, "password-change-required"));

        assertThat(count("SELECT count(*) FROM api_token WHERE agent_id = ?", invitation.agent().id().value()))
                .isZero();
    }

    @Test
    void aDisabledAgentsTokenAndPasswordNoLongerWork() throws Exception {
        agents.setEnabled(sales.agent(), false);

        mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
                .andExpect(problem(401, "unauthorized"));
        mvc.perform(get("/api/v1/tokens").header("Authorization", sales.bearer()))
                .andExpect(problem(401, "unauthorized"));
        createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"x\"}").andExpect(problem(401, "unauthorized"));

        // And enabled again, the token stays revoked (disabling revoked it); a new one works
        agents.setEnabled(sales.agent(), true);
        mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
                .andExpect(problem(401, "unauthorized"));
        createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"again\"}").andExpect(status().isCreated());
    }

    @Test
    void aTokenNeedsANameOfAtMost100Characters() throws Exception {
        long before = count("SELECT count(*) FROM api_token");

        createToken(sales.email(), TestAgents.PASSWORD, "{}").andExpect(problem(400, "validation", "name"));
        createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"   \"}")
                .andExpect(problem(400, "validation", "name"));
        createToken(sales.email(), TestAgents.PASSWORD, null).andExpect(problem(400, "validation", "name"));
        createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"" + "n".repeat(101) + "\"}")
                .andExpect(problem(400, "validation", "name"));
        createToken(sales.email(), TestAgents.PASSWORD, "{\"name\":\"" + "n".repeat(100) + "\"}")
                .andExpect(status().isCreated());

        assertThat(count("SELECT count(*) FROM api_token")).isEqualTo(before + 1);
    }

    @Test
    void aTokenCanAlsoBeCreatedWithAnExistingToken() throws Exception {
        mvc.perform(post("/api/v1/tokens").header("Authorization", sales.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(startsWith("sw_")));
    }

    @Test
    void creatingATokenWithoutCredentialsIsRefused() throws Exception {
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(problem(401, "unauthorized"));
        mvc.perform(post("/api/v1/tokens").header("Authorization", "Basic not-base64!")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(problem(401, "unauthorized"));
    }
}
