package io.seatwise.support;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared half of the API's fuzz tests: turning fuzz data into a request body, and what every answer must be.
 *
 * <p>A body is either the fuzzer's bytes as they are (broken JSON, broken UTF-8, duplicate keys: the parser's
 * edges) or a JSON text built from them: an object whose keys are mostly the endpoint's own fields and whose
 * values are of any JSON type, often one of the endpoint's meaningful strings (an existing user's id, a product, a
 * user name in the customer's domain). The second kind gets past the parser into the controllers and services.
 */
public final class JsonFuzzing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 3;

    private JsonFuzzing() {
    }

    /**
     * The words a body is built from: the endpoint's field names (keys, and values too, since a key may land
     * where a value is expected) and strings that mean something to it.
     */
    public record Vocabulary(List<String> fields, List<String> strings) {
    }

    /** A request body: the remaining bytes as sent, or JSON built from them (the first byte decides). */
    public static byte[] body(FuzzedDataProvider data, Vocabulary words) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsBytes();
        }
        StringBuilder json = new StringBuilder();
        boolean escapeAll = data.consumeBoolean();
        object(data, words, 0, escapeAll, json);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void object(FuzzedDataProvider data, Vocabulary words, int depth, boolean escapeAll,
            StringBuilder json) {
        int fields = data.consumeInt(0, 6);
        json.append('{');
        for (int i = 0; i < fields && data.remainingBytes() > 0; i++) {
            if (i > 0) {
                json.append(',');
            }
            String key = data.consumeInt(0, 7) > 0 ? data.pickValue(words.fields()) : data.consumeString(20);
            string(key, escapeAll, json);
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
            case 9 -> string(data.pickValue(words.fields()), escapeAll, json);
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
