package io.seatwise.provisioning;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7644's {@code /Users} of the token's customer: POST (201), GET by id, GET with a filter and POST
 * {@code /.search} ({@link ScimUserList}), PUT, PATCH, DELETE (204). Bodies are read as {@code application/scim+json} or
 * {@code application/json} and answered as {@code application/scim+json}; a single resource carries its
 * {@code meta.version} as {@code ETag}, {@code If-Match} is honoured on writes (412 when it names another version)
 * and {@code If-None-Match} on GET (304). {@code attributes}/{@code excludedAttributes} apply to every answer with a
 * resource. Errors are SCIM errors ({@link ScimExceptionHandler}).
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

    private final ScimUsers users;
    private final ScimUserList list;

    ScimUsersController(ScimUsers users, ScimUserList list) {
        this.users = users;
        this.list = list;
    }

    @PostMapping(consumes = { ScimError.MEDIA_TYPE, "application/json" })
    ResponseEntity<ObjectNode> create(@AuthenticationPrincipal ScimPrincipal token, @RequestBody JsonNode body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        ObjectNode created = users.create(token.customerId(), ScimUserReader.read(body));
        return one(HttpStatus.CREATED, created, attributes, excludedAttributes);
    }

    @GetMapping("/{id}")
    ResponseEntity<ObjectNode> get(@AuthenticationPrincipal ScimPrincipal token, @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        ObjectNode user = users.get(token.customerId(), id);
        String version = version(user);
        if (ScimUserResource.matches(ifNoneMatch, version)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(version).build();
        }
        return one(HttpStatus.OK, user, attributes, excludedAttributes);
    }

    @GetMapping
    ResponseEntity<ObjectNode> list(@AuthenticationPrincipal ScimPrincipal token,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String count, @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String sortOrder, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        ScimUserList.Query query = new ScimUserList.Query(filter, ScimUserList.number(startIndex, "startIndex"),
                ScimUserList.number(count, "count"), sortBy, sortOrder, attributes, excludedAttributes);
        return scim(HttpStatus.OK, list.find(token.customerId(), query));
    }

    @PostMapping(path = "/.search", consumes = { ScimError.MEDIA_TYPE, "application/json" })
    ResponseEntity<ObjectNode> search(@AuthenticationPrincipal ScimPrincipal token, @RequestBody JsonNode body) {
        return scim(HttpStatus.OK, list.find(token.customerId(), ScimUserList.Query.of(body)));
    }

    @PutMapping(path = "/{id}", consumes = { ScimError.MEDIA_TYPE, "application/json" })
    ResponseEntity<ObjectNode> replace(@AuthenticationPrincipal ScimPrincipal token, @PathVariable String id,
            @RequestBody JsonNode body, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        ObjectNode user = users.replace(token.customerId(), id, ScimUserReader.read(body), ifMatch);
        return one(HttpStatus.OK, user, attributes, excludedAttributes);
    }

    @PatchMapping(path = "/{id}", consumes = { ScimError.MEDIA_TYPE, "application/json" })
    ResponseEntity<ObjectNode> patch(@AuthenticationPrincipal ScimPrincipal token, @PathVariable String id,
            @RequestBody JsonNode body, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        ObjectNode user = users.patch(token.customerId(), id, body, ifMatch);
        return one(HttpStatus.OK, user, attributes, excludedAttributes);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimPrincipal token, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        users.delete(token.customerId(), id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /** A single resource: projected as asked, with its version as ETag (and Location when created). */
    static ResponseEntity<ObjectNode> one(HttpStatus status, ObjectNode resource, String attributes,
            String excludedAttributes) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(ScimError.SCIM_JSON)
                .eTag(version(resource));
        if (status == HttpStatus.CREATED) {
            answer.location(URI.create(resource.get("meta").get("location").asString()));
        }
        return answer.body(ScimAttributes.project(resource, attributes, excludedAttributes));
    }

    private static String version(ObjectNode resource) {
        return resource.get("meta").get("version").asString();
    }

    private static ResponseEntity<ObjectNode> scim(HttpStatus status, ObjectNode body) {
        return ResponseEntity.status(status).contentType(ScimError.SCIM_JSON).body(body);
    }
}
