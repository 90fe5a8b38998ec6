package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.seatwise.access.TestAgents.Signed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Shared plumbing of the API integration tests: MockMvc calls as an agent, problem-details matchers, counts in the
 * database. The database is shared by every test of a run, so names are random and counts are before/after.
 */
public abstract class ApiTestSupport {

    public static final String PROBLEM = "urn:seatwise:problem:";
    /** Microsoft 365 E3 in the shipped catalog. */
    public static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected TestAgents agents;
    @Autowired
    protected JdbcClient jdbc;

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    protected ResultActions getAs(Signed who, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", who.bearer()));
    }

    protected ResultActions postAs(Signed who, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions patchAs(Signed who, String url, String json) throws Exception {
        return mvc.perform(patch(url).header("Authorization", who.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** Creates a customer through the API and answers its id. */
    protected String createCustomer(Signed who, String country, String... domains) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String d : domains) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(d).append('"');
        }
        return read(postAs(who, "/api/v1/customers", "{\"name\":\"" + unique("Customer ") + "\",\"country\":\""
                + country + "\",\"domains\":[" + list + "]}").andExpect(status().isCreated()), "$.id");
    }

    protected static String read(ResultActions result, String path) throws Exception {
        Object value = JsonPath.read(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                path);
        return value == null ? null : value.toString();
    }

    /** An RFC 9457 problem of this HTTP status and Seatwise problem type. */
    protected static ResultMatcher problem(int status, String type) {
        return all(status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(PROBLEM + type),
                jsonPath("$.status").value(status));
    }

    /** A problem of this status and type that names the offending field. */
    protected static ResultMatcher problem(int status, String type, String field) {
        return all(problem(status, type), jsonPath("$.field").value(field));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher m : matchers) {
                m.match(result);
            }
        };
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }
}
