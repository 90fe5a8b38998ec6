package io.seatwise.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ScimPatch}: every op with every path form, the errors, and the literal PATCH bodies Entra ID and Okta send
 * (each test quoting one names its source). No Spring.
 */
class ScimPatchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String SEATWISE = "urn:ietf:params:scim:schemas:extension:seatwise:2.0:User";

    private static final String USER = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id": "2819c223-7f76-453a-919d-413861904646",
              "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
              "userName": "ada@contoso.com",
              "name": {"givenName": "Ada", "familyName": "Lovelace", "formatted": "Ada Lovelace"},
              "displayName": "Ada Lovelace",
              "active": true,
              "emails": [{"value": "ada@contoso.com", "type": "work", "primary": true},
                         {"value": "ada@home.example", "type": "home"}],
              "addresses": [{"type": "work", "country": "GB"}],
              "roles": [{"value": "SPE_E3", "type": "WindowsAzureActiveDirectoryRole"}],
              "meta": {"resourceType": "User", "version": "W/\\"1\\""}
            }
            """;

    static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text);
    }

    static ObjectNode patch(String body) {
        return ScimPatch.apply(json(USER), json(body));
    }

    static String ops(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";
    }

    static void assertScimError(String body, String scimType) {
        assertThatThrownBy(() -> patch(body)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo(scimType);
            assertThat(e.detail()).isNotBlank();
        });
    }

    @Test
    void theResourceGivenIsNotChanged() {
        ObjectNode resource = json(USER);
        ObjectNode result = ScimPatch.apply(resource, json(ops("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"A\"}")));
        assertThat(result.get("displayName").stringValue()).isEqualTo("A");
        assertThat(resource).isEqualTo(json(USER));
    }

    @Nested
    class Add {

        @Test
        void simpleAttribute() {
            ObjectNode user = patch(ops("{\"op\":\"add\",\"path\":\"preferredLanguage\",\"value\":\"en-GB\"}"));
            assertThat(user.get("preferredLanguage").stringValue()).isEqualTo("en-GB");
        }

        @Test
        void subAttribute() {
            ObjectNode user = patch(ops("{\"op\":\"add\",\"path\":\"name.middleName\",\"value\":\"King\"}"));
            assertThat(user.at("/name/middleName").stringValue()).isEqualTo("King");
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Ada");
        }

        @Test
        void complexAttributeIsMerged() {
            ObjectNode user = patch(ops("{\"op\":\"add\",\"path\":\"name\",\"value\":{\"givenName\":\"Augusta\"}}"));
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Augusta");
            assertThat(user.at("/name/familyName").stringValue()).isEqualTo("Lovelace");
        }

        @Test
        void multiValuedAppendsWithoutRepeatingAValue() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"emails","value":[{"value":"ADA@contoso.com","type":"work"},
                                                          {"value":"ada@other.example","type":"other"}]}"""));
            assertThat(user.get("emails")).hasSize(3);
            assertThat(user.at("/emails/0/primary").asBoolean()).isTrue();
            assertThat(user.at("/emails/2/value").stringValue()).isEqualTo("ada@other.example");
        }

        @Test
        void aNewPrimaryTakesPrimaryFromTheOthers() {
            ObjectNode user = patch(ops("{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"n@contoso.com\",\"primary\":true}]}"));
            assertThat(user.at("/emails/0/primary").asBoolean()).isFalse();
            assertThat(user.at("/emails/2/primary").asBoolean()).isTrue();
        }

        @Test
        void urnQualifiedCorePath() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:User:name.givenName","value":"Augusta"}"""));
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Augusta");
        }

        @Test
        void extensionAttributeAddsItsSchema() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"701984"}"""));
            assertThat(user.get(ENTERPRISE).get("employeeNumber").stringValue()).isEqualTo("701984");
            assertThat(user.get("schemas").toString()).contains(ENTERPRISE);
        }

        @Test
        void seatwiseLicensesThroughTheExtensionUrn() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User",
                     "value":{"usageLocation":"FR","licenses":[{"skuId":"sku-1","disabledPlans":["p1"]}]}}"""));
            assertThat(user.at("/" + SEATWISE.replace("/", "~1") + "/usageLocation").stringValue()).isEqualTo("FR");
            assertThat(user.get(SEATWISE).get("licenses").get(0).get("skuId").stringValue()).isEqualTo("sku-1");
            assertThat(user.get("schemas").toString()).contains(SEATWISE);
        }

        @Test
        void valueFilterWithSubAttributeChangesTheMatchingValue() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"emails[type eq \\"work\\"].value","value":"new@contoso.com"}"""));
            assertThat(user.get("emails")).hasSize(2);
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("new@contoso.com");
        }

        @Test
        void valueFilterWithSubAttributeCreatesTheValueWhenNoneMatches() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"addresses[type eq \\"home\\"].country","value":"FR"}"""));
            assertThat(user.get("addresses")).hasSize(2);
            assertThat(user.at("/addresses/1/type").stringValue()).isEqualTo("home");
            assertThat(user.at("/addresses/1/country").stringValue()).isEqualTo("FR");
        }

        @Test
        void valueFilterWithoutSubAttributeMergesIntoTheMatchingValue() {
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"roles[value eq \\"SPE_E3\\"]","value":{"display":"Microsoft 365 E3"}}"""));
            assertThat(user.get("roles")).hasSize(1);
            assertThat(user.at("/roles/0/display").stringValue()).isEqualTo("Microsoft 365 E3");
        }

        @Test
        void valueFilterThatFixesNothingAndMatchesNothingIsNoTarget() {
            assertScimError(ops("{\"op\":\"add\",\"path\":\"addresses[type ne \\\"work\\\"].country\",\"value\":\"FR\"}"),
                    "noTarget");
        }

        @Test
        void withoutPathMergesTheObject() {
            ObjectNode user = patch(ops("""
                    {"op":"add","value":{"nickName":"Ada","name":{"middleName":"King"},
                     "emails":[{"value":"x@contoso.com","type":"other"}]}}"""));
            assertThat(user.get("nickName").stringValue()).isEqualTo("Ada");
            assertThat(user.at("/name/middleName").stringValue()).isEqualTo("King");
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Ada");
            assertThat(user.get("emails")).hasSize(3);
        }
    }

    @Nested
    class Replace {

        @Test
        void simpleAttribute() {
            assertThat(patch(ops("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Countess\"}"))
                    .get("displayName").stringValue()).isEqualTo("Countess");
        }

        @Test
        void subAttribute() {
            assertThat(patch(ops("{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"King\"}"))
                    .at("/name/familyName").stringValue()).isEqualTo("King");
        }

        @Test
        void multiValuedIsReplacedWhole() {
            ObjectNode user = patch(ops("{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"only@contoso.com\"}]}"));
            assertThat(user.get("emails")).hasSize(1);
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("only@contoso.com");
        }

        @Test
        void valueFilterReplacesTheMatchingValues() {
            ObjectNode user = patch(ops("""
                    {"op":"replace","path":"roles[value eq \\"SPE_E3\\"]","value":{"value":"SPE_E5"}}"""));
            assertThat(user.get("roles")).hasSize(1);
            assertThat(user.at("/roles/0/value").stringValue()).isEqualTo("SPE_E5");
            assertThat(user.at("/roles/0/type").isMissingNode()).isTrue();
        }

        @Test
        void valueFilterMatchingNothingIsNoTarget() {
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"roles[value eq \\\"NOPE\\\"]\",\"value\":{\"value\":\"X\"}}"),
                    "noTarget");
        }

        @Test
        void valueFilterWithSubAttribute() {
            ObjectNode user = patch(ops("""
                    {"op":"replace","path":"addresses[type eq \\"work\\"].country","value":"SE"}"""));
            assertThat(user.at("/addresses/0/country").stringValue()).isEqualTo("SE");
        }

        @Test
        void extensionAttributeByUrnPath() {
            ObjectNode user = patch(ops("""
                    {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:usageLocation","value":"SE"}"""));
            assertThat(user.get(SEATWISE).get("usageLocation").stringValue()).isEqualTo("SE");
        }

        @Test
        void withoutPathAndExtensionObject() {
            ObjectNode user = patch(ops("""
                    {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                      {"department":"Tour Operations","manager":"26118915-6090-4610-87e4-49d8ca9f808d"}}}"""));
            assertThat(user.get(ENTERPRISE).get("department").stringValue()).isEqualTo("Tour Operations");
            assertThat(user.get(ENTERPRISE).at("/manager/value").stringValue())
                    .isEqualTo("26118915-6090-4610-87e4-49d8ca9f808d");
        }

        @Test
        void customExtensionObjectWithoutPath() {
            // The custom extension pattern of Microsoft Learn, "Customize user provisioning attribute-mappings":
            // urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User:CustomAttribute
            String custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
            ObjectNode user = patch(ops("{\"op\":\"replace\",\"value\":{\"" + custom + "\":{\"CustomAttribute\":\"701984\"}}},"
                    + "{\"op\":\"replace\",\"value\":{\"" + custom + ":Other\":\"x\"}}"));
            assertThat(user.get(custom).toString()).isEqualTo("{\"CustomAttribute\":\"701984\",\"Other\":\"x\"}");
            assertThat(user.get("schemas").toString()).contains(custom);
        }

        @Test
        void attributeNamesInAnyCase() {
            ObjectNode user = patch(ops("""
                    {"op":"REPLACE","path":"NAME.GIVENNAME","value":"Augusta"},
                    {"op":"replace","path":"Emails[TYPE eq \\"WORK\\"].Value","value":"aug@contoso.com"},
                    {"op":"replace","value":{"DisplayName":"Augusta"}}"""));
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Augusta");
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("aug@contoso.com");
            assertThat(user.get("displayName").stringValue()).isEqualTo("Augusta");
            assertThat(user.has("DisplayName")).isFalse();
        }

        @Test
        void resourceNamesInOtherCaseComeOutCanonical() {
            ObjectNode resource = json("{\"UserName\":\"a@contoso.com\",\"NAME\":{\"GivenName\":\"A\"}}");
            ObjectNode user = ScimPatch.apply(resource, json(ops("{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"B\"}")));
            assertThat(user.get("userName").stringValue()).isEqualTo("a@contoso.com");
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("B");
            assertThat(user.has("NAME")).isFalse();
        }
    }

    @Nested
    class Remove {

        @Test
        void simpleAttribute() {
            assertThat(patch(ops("{\"op\":\"remove\",\"path\":\"displayName\"}")).has("displayName")).isFalse();
        }

        @Test
        void subAttribute() {
            ObjectNode user = patch(ops("{\"op\":\"remove\",\"path\":\"name.formatted\"}"));
            assertThat(user.at("/name/formatted").isMissingNode()).isTrue();
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Ada");
        }

        @Test
        void valueFilter() {
            ObjectNode user = patch(ops("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}"));
            assertThat(user.get("emails")).hasSize(1);
            assertThat(user.at("/emails/0/type").stringValue()).isEqualTo("work");
        }

        @Test
        void valueFilterMatchingNothingChangesNothing() {
            assertThat(patch(ops("{\"op\":\"remove\",\"path\":\"roles[value eq \\\"GONE\\\"]\"}"))).isEqualTo(json(USER));
        }

        @Test
        void lastValueRemovesTheAttribute() {
            assertThat(patch(ops("{\"op\":\"remove\",\"path\":\"roles[value eq \\\"spe_e3\\\"]\"}")).has("roles")).isFalse();
        }

        @Test
        void valueFilterWithSubAttribute() {
            ObjectNode user = patch(ops("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"].primary\"}"));
            assertThat(user.at("/emails/0/primary").isMissingNode()).isTrue();
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("ada@contoso.com");
        }

        @Test
        void membersListedInTheValue() {
            ObjectNode user = patch(ops("{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"ada@home.example\"}]}"));
            assertThat(user.get("emails")).hasSize(1);
        }

        @Test
        void extensionValueFilterPaths() {
            ObjectNode licensed = patch(ops("""
                    {"op":"add","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:licenses",
                     "value":[{"skuId":"sku-1"},{"skuId":"sku-2","disabledPlans":["p1"]}]}"""));
            ObjectNode planned = ScimPatch.apply(licensed, json(ops("""
                    {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:licenses[skuId eq \\"sku-1\\"].disabledPlans",
                     "value":["p2","p3"]}""")));
            assertThat(planned.get(SEATWISE).get("licenses").toString()).isEqualTo(
                    "[{\"skuId\":\"sku-1\",\"disabledPlans\":[\"p2\",\"p3\"]},{\"skuId\":\"sku-2\",\"disabledPlans\":[\"p1\"]}]");
            ObjectNode removed = ScimPatch.apply(planned, json(ops("""
                    {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:licenses[skuId eq \\"SKU-2\\"]"}""")));
            assertThat(removed.get(SEATWISE).get("licenses")).hasSize(1);
            ObjectNode none = ScimPatch.apply(removed, json(ops("""
                    {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:licenses"}""")));
            assertThat(none.has(SEATWISE)).isFalse();
            assertThat(none.get("schemas").toString()).doesNotContain(SEATWISE);
        }

        @Test
        void lastExtensionAttributeTakesTheSchemaOut() {
            ObjectNode added = patch(ops("""
                    {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"1"}"""));
            ObjectNode removed = ScimPatch.apply(added, json(ops("""
                    {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"}""")));
            assertThat(removed.has(ENTERPRISE)).isFalse();
            assertThat(removed.get("schemas").toString()).doesNotContain(ENTERPRISE);
        }

        @Test
        void withoutPathIsNoTarget() {
            assertScimError(ops("{\"op\":\"remove\"}"), "noTarget");
        }
    }

    @Nested
    class Errors {

        @Test
        void noOperations() {
            assertScimError("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}", "invalidSyntax");
            assertScimError(ops(""), "invalidSyntax");
        }

        @Test
        void unknownOp() {
            assertScimError(ops("{\"op\":\"move\",\"path\":\"displayName\",\"value\":\"x\"}"), "invalidSyntax");
        }

        @Test
        void schemasWithoutPatchOp() {
            assertScimError("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"Operations\":[{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"x\"}]}", "invalidSyntax");
        }

        @Test
        void schemasMissing() {
            // RFC 7644 §3.5.2: the body's schemas must be the PatchOp message's (SAP's compliance suite checks it too)
            assertScimError("{\"Operations\":[{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"x\"}]}",
                    "invalidSyntax");
        }

        @Test
        void nullValueWithPath() {
            assertScimError(ops("{\"op\":\"add\",\"path\":\"displayName\",\"value\":null}"), "invalidValue");
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":null}"), "invalidValue");
        }

        @Test
        void bodyNotAnObject() {
            assertThatThrownBy(() -> ScimPatch.apply(json(USER), JSON.readTree("[]")))
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidSyntax"));
        }

        @Test
        void unparsablePath() {
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}"), "invalidPath");
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"name..givenName\",\"value\":\"x\"}"), "invalidPath");
        }

        @Test
        void pathTooDeepOrFilterOnSingleValued() {
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"name.givenName.x\",\"value\":\"x\"}"), "invalidPath");
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"name[givenName eq \\\"Ada\\\"]\",\"value\":{}}"), "invalidPath");
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"displayName.x\",\"value\":\"x\"}"), "invalidPath");
        }

        @Test
        void readOnlyAttributes() {
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}"), "mutability");
            assertScimError(ops("{\"op\":\"remove\",\"path\":\"meta\"}"), "mutability");
            assertScimError(ops("{\"op\":\"replace\",\"value\":{\"meta\":{\"version\":\"W/\\\"9\\\"\"}}}"), "mutability");
            assertScimError(ops("""
                    {"op":"add","path":"urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:licenseErrors",
                     "value":[{"skuId":"x","code":"CountViolation"}]}"""), "mutability");
        }

        @Test
        void theSameIdSentBackIsNoChange() {
            // Okta's group rename sends the resource's own id in a path-less replace (Okta "SCIM 2.0 protocol",
            // "Update a specific Group name"); the same on a user is no change, not an error.
            ObjectNode user = patch(ops("""
                    {"op":"replace","value":{"id":"2819c223-7f76-453a-919d-413861904646","displayName":"Ada"}}"""));
            assertThat(user.get("displayName").stringValue()).isEqualTo("Ada");
        }

        @Test
        void invalidValues() {
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}"), "invalidValue");
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"userName\",\"value\":{\"a\":1}}"), "invalidValue");
            assertScimError(ops("{\"op\":\"add\",\"path\":\"emails\",\"value\":[\"x@contoso.com\"]}"), "invalidValue");
            assertScimError(ops("{\"op\":\"replace\",\"path\":\"displayName\"}"), "invalidValue");
            assertScimError(ops("{\"op\":\"replace\",\"value\":\"x\"}"), "invalidValue");
            assertScimError(ops("{\"op\":\"add\",\"path\":\"roles\",\"value\":\"{not json\"}"), "invalidValue");
        }

        @Test
        void aFailingOperationLeavesNothingHalfDone() {
            ObjectNode resource = json(USER);
            assertThatThrownBy(() -> ScimPatch.apply(resource, json(ops("""
                    {"op":"replace","path":"displayName","value":"Changed"},{"op":"replace","path":"id","value":"x"}"""))))
                    .isInstanceOf(ScimException.class);
            assertThat(resource.get("displayName").stringValue()).isEqualTo("Ada Lovelace");
        }
    }

    /** The literal bodies of Microsoft's documentation. */
    @Nested
    class EntraId {

        @Test
        void updateUserMultiValuedProperties() {
            // Microsoft Learn, "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID",
            // User Operations > "Update User [Multi-valued properties]", request (MicrosoftDocs/entra-docs,
            // docs/identity/app-provisioning/use-scim-to-provision-users-and-groups.md)
            ObjectNode user = patch("""
                    {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                        "Operations": [
                                {
                                "op": "Replace",
                                "path": "emails[type eq \\"work\\"].value",
                                "value": "updatedEmail@microsoft.com"
                                },
                                {
                                "op": "Replace",
                                "path": "name.familyName",
                                "value": "updatedFamilyName"
                                }
                        ]
                    }
                    """);
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("updatedEmail@microsoft.com");
            assertThat(user.at("/emails/0/primary").asBoolean()).isTrue();
            assertThat(user.at("/emails/1/value").stringValue()).isEqualTo("ada@home.example");
            assertThat(user.at("/name/familyName").stringValue()).isEqualTo("updatedFamilyName");
        }

        @Test
        void updateUserMultiValuedPropertiesWithoutAWorkEmailYet() {
            // Same request as above, on a user created without a work email: the email is created, not refused.
            ObjectNode resource = json(USER);
            resource.remove("emails");
            ObjectNode user = ScimPatch.apply(resource, json(ops("""
                    {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "updatedEmail@microsoft.com"}""")));
            assertThat(user.get("emails").toString())
                    .isEqualTo("[{\"type\":\"work\",\"value\":\"updatedEmail@microsoft.com\"}]");
        }

        @Test
        void updateUserSingleValuedProperties() {
            // Same tutorial, "Update User [Single-valued properties]", request
            ObjectNode user = patch("""
                    {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                        "Operations": [{
                            "op": "Replace",
                            "path": "userName",
                            "value": "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"
                        }]
                    }
                    """);
            assertThat(user.get("userName").stringValue()).isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
        }

        @Test
        void disableUser() {
            // Same tutorial, "Disable User", request
            ObjectNode user = patch("""
                    {
                        "Operations": [
                            {
                                "op": "Replace",
                                "path": "active",
                                "value": false
                            }
                        ],
                        "schemas": [
                            "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                        ]
                    }
                    """);
            assertThat(user.get("active").isBoolean()).isTrue();
            assertThat(user.get("active").booleanValue()).isFalse();
        }

        @Test
        void disableUserWithoutFeatureFlagSendsAString() {
            // Microsoft Learn, "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra
            // user provisioning service", "Requests made to disable users", without feature flag
            // (docs/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility.md)
            ObjectNode user = patch("""
                    {
                      "schemas": [
                          "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                          {
                              "op": "Replace",
                              "path": "active",
                              "value": "False"
                          }
                      ]
                    }
                    """);
            assertThat(user.get("active").isBoolean()).isTrue();
            assertThat(user.get("active").booleanValue()).isFalse();
            ObjectNode again = ScimPatch.apply(user, json(ops("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"TRUE\"}")));
            assertThat(again.get("active").booleanValue()).isTrue();
        }

        @Test
        void addSingleValueStringAttributeWithoutFeatureFlag() {
            // Known issues page, "Requests made to add a single-value string attribute", without feature flag
            ObjectNode user = patch("""
                    {
                      "schemas": [
                          "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                        {
                          "op": "Add",
                          "path": "nickName",
                          "value": "Babs"
                        }
                      ]
                    }
                    """);
            assertThat(user.get("nickName").stringValue()).isEqualTo("Babs");
        }

        @Test
        void replaceMultipleAttributesWithoutFeatureFlag() {
            // Known issues page, "Requests to replace multiple attributes", without feature flag
            ObjectNode user = patch("""
                    {
                      "schemas": [
                          "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                          {
                              "op": "Replace",
                              "path": "displayName",
                              "value": "Pvlo"
                          },
                          {
                              "op": "Replace",
                              "path": "emails[type eq \\"work\\"].value",
                              "value": "TestBcwqnm@test.microsoft.com"
                          },
                          {
                              "op": "Replace",
                              "path": "name.givenName",
                              "value": "Gtfd"
                          },
                          {
                              "op": "Replace",
                              "path": "name.familyName",
                              "value": "Pkqf"
                          },
                          {
                              "op": "Replace",
                              "path": "externalId",
                              "value": "Eqpj"
                          },
                          {
                              "op": "Replace",
                              "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                              "value": "Eqpj"
                          }
                      ]
                    }
                    """);
            assertThat(user.get("displayName").stringValue()).isEqualTo("Pvlo");
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("TestBcwqnm@test.microsoft.com");
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Gtfd");
            assertThat(user.at("/name/familyName").stringValue()).isEqualTo("Pkqf");
            assertThat(user.get("externalId").stringValue()).isEqualTo("Eqpj");
            assertThat(user.get(ENTERPRISE).get("employeeNumber").stringValue()).isEqualTo("Eqpj");
            assertThat(user.get("schemas").toString()).contains(ENTERPRISE);
        }

        @Test
        void replaceMultipleAttributesWithFeatureFlagUsesDottedAndUrnKeys() {
            // Known issues page, "Requests to replace multiple attributes", with feature flag aadOptscim062020
            ObjectNode user = patch("""
                    {
                      "schemas": [
                          "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                          {
                              "op": "replace",
                              "path": "emails[type eq \\"work\\"].value",
                              "value": "TestMhvaes@test.microsoft.com"
                          },
                          {
                              "op": "replace",
                              "value": {
                                  "displayName": "Bjfe",
                                  "name.givenName": "Kkom",
                                  "name.familyName": "Unua",
                                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"
                              }
                          }
                      ]
                    }
                    """);
            assertThat(user.at("/emails/0/value").stringValue()).isEqualTo("TestMhvaes@test.microsoft.com");
            assertThat(user.get("displayName").stringValue()).isEqualTo("Bjfe");
            assertThat(user.at("/name/givenName").stringValue()).isEqualTo("Kkom");
            assertThat(user.at("/name/familyName").stringValue()).isEqualTo("Unua");
            assertThat(user.at("/name/formatted").stringValue()).isEqualTo("Ada Lovelace");
            assertThat(user.has("name.givenName")).isFalse();
            assertThat(user.get(ENTERPRISE).get("employeeNumber").stringValue()).isEqualTo("Aklq");
            assertThat(user.get("schemas").toString()).contains(ENTERPRISE);
        }

        @Test
        void memberRemovalByValueWithoutFeatureFlag() {
            // Known issues page, "Requests made to remove a group member", without feature flag; the same
            // members-style removal applied to a user's roles (Entra's Remove with a value array)
            ObjectNode resource = json(USER);
            resource.set("members", JSON.readTree("[{\"value\":\"u1091\"},{\"value\":\"u2000\"}]"));
            ObjectNode group = ScimPatch.apply(resource, json("""
                    {
                      "schemas": [
                          "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                          {
                              "op": "Remove",
                              "path": "members",
                              "value": [
                                  {
                                      "value": "u1091"
                                  }
                              ]
                          }
                      ]
                    }
                    """));
            assertThat(group.get("members").toString()).isEqualTo("[{\"value\":\"u2000\"}]");
            ObjectNode user = patch(ops("{\"op\":\"Remove\",\"path\":\"roles\",\"value\":[{\"value\":\"SPE_E3\"}]}"));
            assertThat(user.has("roles")).isFalse();
        }

        @Test
        void memberRemovalWithFeatureFlagUsesAValueFilter() {
            // Known issues page, "Requests made to remove a group member", with feature flag
            ObjectNode resource = json(USER);
            resource.set("members", JSON.readTree(
                    "[{\"value\":\"7f4bc1a3-285e-48ae-8202-5accb43efb0e\"},{\"value\":\"u2000\"}]"));
            ObjectNode group = ScimPatch.apply(resource, json("""
                    {
                      "schemas": [
                          "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                          {
                              "op": "remove",
                              "path": "members[value eq \\"7f4bc1a3-285e-48ae-8202-5accb43efb0e\\"]"
                          }
                      ]
                    }
                    """));
            assertThat(group.get("members").toString()).isEqualTo("[{\"value\":\"u2000\"}]");
        }

        @Test
        void appRoleAssignmentsComplexSendsRolesAsJsonText() {
            // Microsoft Learn, "Customize user provisioning attribute-mappings", "Provisioning a role to a SCIM app",
            // AppRoleAssignmentsComplex, example output (PATCH)
            // (docs/identity/app-provisioning/customize-application-attributes.md)
            ObjectNode user = patch("""
                    {
                      "schemas": [
                        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                        {
                          "op": "Add",
                          "path": "roles",
                          "value": [
                            {
                              "value": "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"Admin\\",\\"displayName\\":\\"Admin\\"}"
                            },
                            {
                              "value": "{\\"id\\":\\"06b07648-ecfe-599f-9d2f-6325724a46ee\\",\\"value\\":\\"User\\",\\"displayName\\":\\"User\\"}"
                            }
                          ]
                        }
                      ]
                    }
                    """);
            assertThat(user.get("roles")).hasSize(3);
            assertThat(user.at("/roles/1/value").stringValue()).isEqualTo("Admin");
            assertThat(user.at("/roles/1/id").stringValue()).isEqualTo("06b07648-ecfe-589f-9d2f-6325724a46ee");
            assertThat(user.at("/roles/2/value").stringValue()).isEqualTo("User");
            assertThat(user.at("/roles/2/displayName").stringValue()).isEqualTo("User");
        }

        @Test
        void singleAppRoleAssignmentSendsOneRoleAsJsonText() {
            // Same page, SingleAppRoleAssignment, example output (PATCH)
            ObjectNode user = patch("""
                    {
                      "schemas": [
                        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                        {
                          "op": "Add",
                          "path": "roles",
                          "value": [
                            {
                              "value": "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"25\\",\\"displayName\\":\\"Role1234\\"}"
                            }
                          ]
                        }
                      ]
                    }
                    """);
            assertThat(user.at("/roles/1/value").stringValue()).isEqualTo("25");
            assertThat(user.at("/roles/1/displayName").stringValue()).isEqualTo("Role1234");
        }

        @Test
        void rolesAsOneJsonArrayText() {
            // Role values arriving as one JSON string holding an array (interop.md: "on PATCH the role values can
            // arrive as JSON strings"); a repeated role is merged, not added twice
            ObjectNode user = patch(ops("""
                    {"op":"Add","path":"roles","value":"[{\\"value\\":\\"SPE_E5\\"},{\\"value\\":\\"spe_e3\\",\\"primary\\":\\"True\\"}]"}"""));
            assertThat(user.get("roles")).hasSize(2);
            assertThat(user.at("/roles/0/primary").booleanValue()).isTrue();
            assertThat(user.at("/roles/1/value").stringValue()).isEqualTo("SPE_E5");
        }

        @Test
        void assertiveAppRoleAssignmentsComplexReplacesTheRoles() {
            // Same page, AssertiveAppRoleAssignmentsComplex, example output (PATCH)
            ObjectNode user = patch("""
                    {
                      "schemas": [
                        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                      ],
                      "Operations": [
                        {
                          "op": "replace",
                          "path": "roles",
                          "value": [
                            {
                              "primary": false,
                              "type": "WindowsAzureActiveDirectoryRole",
                              "display": "User",
                              "value": "User"
                            },
                            {
                              "primary": false,
                              "type": "WindowsAzureActiveDirectoryRole",
                              "display": "Test",
                              "value": "Test"
                            }
                          ]
                        }
                      ]
                    }
                    """);
            assertThat(user.get("roles")).hasSize(2);
            assertThat(user.at("/roles/0/value").stringValue()).isEqualTo("User");
            assertThat(user.at("/roles/1/value").stringValue()).isEqualTo("Test");
        }

        @Test
        void singleAppRoleAssignmentTargetsThePrimaryRoleWithAStringBoolean() {
            // Same page, SingleAppRoleAssignment: target attributes roles[primary eq "True"].value and .type
            ObjectNode resource = json(USER);
            resource.set("roles", JSON.readTree("[{\"primary\":true,\"value\":\"Admin\"}]"));
            ObjectNode user = ScimPatch.apply(resource, json(ops("""
                    {"op":"Replace","path":"roles[primary eq \\"True\\"].value","value":"User"}""")));
            assertThat(user.get("roles").toString()).isEqualTo("[{\"primary\":true,\"value\":\"User\"}]");
            resource.remove("roles");
            ObjectNode created = ScimPatch.apply(resource, json(ops("""
                    {"op":"Add","path":"roles[primary eq \\"True\\"].value","value":"User"}""")));
            assertThat(created.get("roles").toString()).isEqualTo("[{\"primary\":true,\"value\":\"User\"}]");
        }
    }

    /** The literal bodies of Okta's "SCIM 2.0 protocol" reference (developer.okta.com/docs/reference/scim/scim-20). */
    @Nested
    class Okta {

        @Test
        void deactivateUser() {
            // Okta, "SCIM 2.0 protocol", "Update a specific User (PATCH)": "When a user is deactivated, Okta sends
            // this request" (okta/okta-developer-docs, docs/reference/scim/scim-20/index.md)
            ObjectNode user = patch("""
                    {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                        "Operations": [{
                            "op": "replace",
                            "value": {
                                "active": false
                            }
                        }]
                    }
                    """);
            assertThat(user.get("active").booleanValue()).isFalse();
            ObjectNode expected = json(USER);
            expected.put("active", false);
            assertThat(user).isEqualTo(expected);
        }

        @Test
        void groupMembershipRemoveAndAdd() {
            // Same reference, "Update specific Group membership", PATCH request (shown on a resource with members)
            ObjectNode resource = json(USER);
            resource.set("members", JSON.readTree("[{\"value\":\"89bb1940-b905-4575-9e7f-6f887cfb368e\"}]"));
            ObjectNode group = ScimPatch.apply(resource, json("""
                    {
                        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                        "Operations": [{
                              "op": "remove",
                              "path": "members[value eq \\"89bb1940-b905-4575-9e7f-6f887cfb368e\\"]"
                            },
                            {
                              "op": "add",
                              "path": "members",
                              "value": [{
                                  "value": "23a35c27-23d3-4c03-b4c5-6443c09e7173",
                                  "display": "test.user@okta.local"
                            }]
                        }]
                    }
                    """));
            assertThat(group.get("members").toString()).isEqualTo(
                    "[{\"value\":\"23a35c27-23d3-4c03-b4c5-6443c09e7173\",\"display\":\"test.user@okta.local\"}]");
        }

        @Test
        void entitlementsAsAnArrayValue() {
            // Okta "SCIM with entitlements": entitlements are a multi-valued attribute of {value, display} objects
            ObjectNode user = patch(ops("""
                    {"op":"add","path":"entitlements","value":[{"value":"SPE_E5","display":"Microsoft 365 E5"}]},
                    {"op":"add","path":"entitlements","value":[{"value":"SPE_E5"}]}"""));
            assertThat(user.get("entitlements").toString())
                    .isEqualTo("[{\"value\":\"SPE_E5\",\"display\":\"Microsoft 365 E5\"}]");
        }
    }
}
