package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.List;

import io.seatwise.customers.CustomerId;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /Users} and {@code POST /Users/.search} (RFC 7644 §3.4.2, §3.4.3): a ListResponse of the users a
 * filter finds ({@link ScimUserQuery}), {@value #DEFAULT_COUNT} a page unless {@code count} says otherwise, at most
 * {@link ScimUserQuery#MAX_COUNT} (the {@code filter.maxResults} announced), each resource projected by
 * {@code attributes}/{@code excludedAttributes}. Nothing found is 200 with {@code totalResults} 0.
 */
@Service
class ScimUserList {

    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    /** The page size when {@code count} is not given. */
    static final int DEFAULT_COUNT = 100;

    private final ScimUserQuery query;
    private final ScimUsers users;

    ScimUserList(ScimUserQuery query, ScimUsers users) {
        this.query = query;
        this.users = users;
    }

    /** A query's parameters; null when not given. */
    record Query(String filter, Integer startIndex, Integer count, String sortBy, String sortOrder,
            String attributes, String excludedAttributes) {

        /** A SearchRequest body: its attribute lists are arrays (or comma-separated strings). */
        static Query of(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ScimException.badRequest("invalidSyntax", "The body must be a SearchRequest object");
            }
            return new Query(text(body, "filter"), integer(body, "startIndex"), integer(body, "count"),
                    text(body, "sortBy"), text(body, "sortOrder"), list(body, "attributes"),
                    list(body, "excludedAttributes"));
        }

        private static String text(JsonNode body, String name) {
            JsonNode v = ScimUserReader.field(body, name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isString()) {
                throw ScimException.badRequest("invalidValue", name + " must be a string");
            }
            return v.stringValue();
        }

        private static Integer integer(JsonNode body, String name) {
            JsonNode v = ScimUserReader.field(body, name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw ScimException.badRequest("invalidValue", name + " must be an integer");
            }
            return v.intValue();
        }

        private static String list(JsonNode body, String name) {
            JsonNode v = ScimUserReader.field(body, name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isString()) {
                return v.stringValue();
            }
            if (!v.isArray()) {
                throw ScimException.badRequest("invalidValue", name + " must be an array of attribute paths");
            }
            List<String> paths = new ArrayList<>();
            v.forEach(p -> paths.add(p.asString()));
            return String.join(",", paths);
        }
    }

    /** A query parameter as a number: a 400 invalidValue when it is not one. */
    static Integer number(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ScimException.badRequest("invalidValue", name + " must be an integer, not '" + value + "'");
        }
    }

    ObjectNode find(CustomerId customer, Query q) {
        ScimUserQuery.Page page = query.find(customer, q.filter(), q.startIndex() == null ? 1 : q.startIndex(),
                q.count() == null ? DEFAULT_COUNT : q.count(), q.sortBy(), q.sortOrder());
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putArray("schemas").add(LIST);
        list.put("totalResults", page.totalResults());
        list.put("itemsPerPage", page.itemsPerPage());
        list.put("startIndex", page.startIndex());
        ArrayNode resources = list.putArray("Resources");
        users.render(customer, page.users())
                .forEach(r -> resources.add(ScimAttributes.project(r, q.attributes(), q.excludedAttributes())));
        return list;
    }
}
