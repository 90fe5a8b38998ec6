package io.seatwise.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.users.DirectoryRole;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared half of the API's fuzz tests: the customer they send their inputs to, turning fuzz data into a request
 * body, sending it, and what every answer must be.
 *
 * <p>A body is either the fuzzer's bytes as they are (broken JSON, broken UTF-8, duplicate keys: the parser's
 * edges) or a JSON text built from them: mostly an object with most of the endpoint's own fields, each with one of
 * its typical values or a value of any JSON type, and a few other keys. The second kind gets past the parser into
 * the controllers and services, where random bytes rarely go.
 */
public final class JsonFuzzing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 3;
    private static final Map<Class<?>, Object> FIXTURES = new ConcurrentHashMap<>();

    private JsonFuzzing() {
    }

    /**
     * What an endpoint's bodies are built from: its fields in order, each with typical values as JSON texts (in
     * one, {@code %s} stands for fuzzed text and {@code %d} for a fuzzed number, so that, say, new user names differ),
     * and strings that mean something to it anywhere (an existing user's id, a product, a filter).
     */
    public record Vocabulary(Map<String, List<String>> fields, List<String> strings, List<String> names) {

        public Vocabulary(Map<String, List<String>> fields, List<String> strings) {
            this(Map.copyOf(fields), List.copyOf(strings), List.copyOf(fields.keySet()));
        }
    }

    /**
     * The customer a fuzz test of the API sends every input to, and its two callers: a partner agent and the
     * customer's own User management admin. {@code userIds} starts with the ids of that admin and of the customer's
     * Global admin; a test adds its own users (live, deleted, missing) with {@link #withUserIds}.
     */
    public record Customer(String id, String agentBearer, String adminBearer, List<String> userIds) {

        public Customer {
            userIds = List.copyOf(userIds);
        }

        /** This customer with these user ids: its admins' (from {@link #userIds()}), then the test's own. */
        public Customer withUserIds(List<String> all) {
            return new Customer(id, agentBearer, adminBearer, all);
        }

        /** The bearer token of one of the two callers, as the fuzz data decides. */
        public String caller(FuzzedDataProvider data) {
            return data.consumeBoolean() ? agentBearer : adminBearer;
        }
    }

    /** The customer of the tenant, with a new User management admin and Global admin of its own, and the agent. */
    public static Customer customer(LicensingFixture.Tenant tenant, TestCustomerUsers customerUsers,
            TestAgents.Signed agent) {
        TestCustomerUsers.Tenant same = new TestCustomerUsers.Tenant(tenant.id(), tenant.domain());
        TestCustomerUsers.Member admin = customerUsers.create(same, DirectoryRole.USER_ADMIN);
        TestCustomerUsers.Member global = customerUsers.create(same, DirectoryRole.GLOBAL_ADMIN);
        return new Customer(tenant.id().toString(), agent.bearer(), admin.bearer(),
                List.of(admin.id().toString(), global.id().toString()));
    }

    /**
     * The fixture of a fuzz test class, made on its first input and kept for the JVM: fuzzing sends thousands of
     * bodies a minute.
     */
    @SuppressWarnings("unchecked")
    public static <T> T once(Class<?> test, Supplier<T> make) {
        return (T) FIXTURES.computeIfAbsent(test, k -> make.get());
    }

    /** Sends the body as JSON with the caller's bearer token, and checks the answer as every answer must be. */
    public static void send(MockMvc mvc, MockHttpServletRequestBuilder request, String bearer, byte[] body)
            throws Exception {
        assertAnsweredWithoutServerError(mvc.perform(request.header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn(), body);
    }

    /** A request body: the remaining bytes as sent, or JSON built from them (the first byte decides). */
    public static byte[] body(FuzzedDataProvider data, Vocabulary words) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsBytes();
        }
        StringBuilder json = new StringBuilder();
        boolean escapeAll = data.consumeBoolean();
        if (data.consumeInt(0, 15) == 0) {
            value(data, words, MAX_DEPTH - 1, escapeAll, json);
        } else {
            body(data, words, escapeAll, json);
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An object with each of the endpoint's fields mostly there and mostly typical, then a few more keys (perhaps
     * one of the same again): bodies near the valid ones, where the services' own checks are.
     */
    private static void body(FuzzedDataProvider data, Vocabulary words, boolean escapeAll, StringBuilder json) {
        json.append('{');
        boolean first = true;
        for (String name : words.names()) {
            int choice = data.consumeInt(0, 5);
            if (choice == 0) {
                continue;
            }
            first = comma(first, json);
            string(name, escapeAll, json);
            json.append(':');
            if (choice == 1) {
                value(data, words, 1, escapeAll, json);
            } else {
                typical(data, data.pickValue(words.fields().get(name)), escapeAll, json);
            }
        }
        int more = data.consumeInt(0, 2);
        for (int i = 0; i < more; i++) {
            first = comma(first, json);
            string(data.consumeBoolean() ? data.pickValue(words.names()) : data.consumeString(20), escapeAll, json);
            json.append(':');
            value(data, words, 1, escapeAll, json);
        }
        json.append('}');
    }

    private static boolean comma(boolean first, StringBuilder json) {
        if (!first) {
            json.append(',');
        }
        return false;
    }

    /** A typical value's JSON text with its hole, if any, filled from the fuzz data. */
    private static void typical(FuzzedDataProvider data, String text, boolean escapeAll, StringBuilder json) {
        int hole = text.indexOf('%');
        if (hole < 0 || hole + 1 >= text.length() || (text.charAt(hole + 1) != 's' && text.charAt(hole + 1) != 'd')) {
            json.append(text);
            return;
        }
        json.append(text, 0, hole);
        if (text.charAt(hole + 1) == 'd') {
            json.append(data.consumeInt(0, 999_999));
        } else {
            StringBuilder fuzzed = new StringBuilder();
            string(data.consumeAsciiString(12), escapeAll, fuzzed);
            json.append(fuzzed, 1, fuzzed.length() - 1);
        }
        json.append(text, hole + 2, text.length());
    }

    /** An object of any keys, mostly the endpoint's, with values of any type. */
    private static void object(FuzzedDataProvider data, Vocabulary words, int depth, boolean escapeAll,
            StringBuilder json) {
        int fields = data.consumeInt(0, 4);
        json.append('{');
        for (int i = 0; i < fields && data.remainingBytes() > 0; i++) {
            comma(i == 0, json);
            string(data.consumeInt(0, 3) > 0 ? data.pickValue(words.names()) : data.consumeString(20), escapeAll,
                    json);
            json.append(':');
            value(data, words, depth + 1, escapeAll, json);
        }
        json.append('}');
    }

    private static void value(FuzzedDataProvider data, Vocabulary words, int depth, boolean escapeAll,
            StringBuilder json) {
        switch (data.consumeInt(0, 11)) {
            case 0 -> json.append("null");
            case 1 -> json.append(data.consumeBoolean());
            case 2 -> json.append(data.consumeInt(-3, 1_000_001));
            case 3 -> json.append(data.consumeLong());
            case 4 -> {
                double d = data.consumeDouble();
                json.append(Double.isFinite(d) ? Double.toString(d) : "1e400");
            }
            case 5 -> json.append(data.pickValue(List.of("-0", "0.0", "1e-400", "123456789012345678901234567890",
                    "-9223372036854775809", "2147483648", "1.5", "1E2")));
            case 6 -> string(data.consumeString(80), escapeAll, json);
            case 7, 8 -> string(data.pickValue(words.strings()), escapeAll, json);
            case 9 -> string(data.pickValue(words.names()), escapeAll, json);
            case 10 -> {
                if (depth >= MAX_DEPTH) {
                    json.append("[]");
                    return;
                }
                int items = data.consumeInt(0, 4);
                json.append('[');
                for (int i = 0; i < items; i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    value(data, words, depth + 1, escapeAll, json);
                }
                json.append(']');
            }
            default -> {
                if (depth >= MAX_DEPTH) {
                    json.append("{}");
                } else {
                    object(data, words, depth, escapeAll, json);
                }
            }
        }
    }

    /**
     * A JSON string. With {@code escapeAll} every character outside printable ASCII is a {@code \\uXXXX} escape,
     * so that the body can carry what UTF-8 cannot, such as a lone surrogate.
     */
    private static void string(String text, boolean escapeAll, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || (escapeAll && c > 0x7e) || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    /**
     * What every answer of the API must be, whatever the body: no server error, and a refusal that is an RFC 9457
     * problem with a Seatwise type and its own status.
     */
    public static void assertAnsweredWithoutServerError(MvcResult result, byte[] body) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        String request = new String(body, StandardCharsets.UTF_8);
        assertThat(status).as("the status of %s %s with body %s (answer: %s)", result.getRequest().getMethod(),
                result.getRequest().getRequestURI(), request, text).isLessThan(500);
        if (status >= 400) {
            assertThat(response.getContentType()).as("the content type of a %d for %s", status, request).isNotNull();
            assertThat(MediaType.parseMediaType(response.getContentType())
                    .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("a %d answer to %s is problem+json, not %s", status, request, response.getContentType())
                    .isTrue();
            JsonNode problem = JSON.readTree(text);
            assertThat(problem.path("type").asString()).as("the type of %s", text)
                    .startsWith("urn:seatwise:problem:");
            assertThat(problem.path("status").asInt()).as("the status in %s", text).isEqualTo(status);
        }
    }
}
