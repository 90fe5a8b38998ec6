package io.seatwise.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.provisioning.ScimonoSuite.Case;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 14, point 6: SAP's SCIM compliance suite against the running server with a provisioning token of a fresh
 * customer. The suite always exits 0, so this test reads its JUnit XML and fails listing every failed test, except
 * the Group tests named in {@link #GROUP_TESTS}, which are not applicable until groups exist (Seatwise offers no
 * Groups resource type: {@code /Groups} answers 404), and the failures {@link ScimComplianceKnownFailures} names with
 * their reasons (issue 14 is open on them). Without its jar it skips, unless CI=true, where that fails.
 */
abstract class ScimComplianceTests {

    /**
     * The suite's Group tests, by class and method (a parameterised method counts once): the ones that create, read,
     * filter or patch groups, or users by their group memberships. Not applicable until Seatwise offers groups.
     */
    static final Set<String> GROUP_TESTS = Set.of(
            // E2EGroupComplianceTest
            "E2EGroupComplianceTest.testAddGroupMemberWithPATCH",
            "E2EGroupComplianceTest.testCreateAndGetGroupsDefaultCountWithStartId",
            "E2EGroupComplianceTest.testCreateAndGetGroupsDefaultCountWithStartIndex",
            "E2EGroupComplianceTest.testCreateAndGetGroupsDefaultStartIndex",
            "E2EGroupComplianceTest.testCreateAndGetGroupsFilteredByDisplayName",
            "E2EGroupComplianceTest.testCreateAndGetGroupsNegativeCountAndStartId",
            "E2EGroupComplianceTest.testCreateAndGetGroupsPagingStartIdEqEnd",
            "E2EGroupComplianceTest.testCreateAndGetGroupsPagingStartIdWithUpperCase",
            "E2EGroupComplianceTest.testCreateAndGetGroupsRequiredAttributeAreFetched",
            "E2EGroupComplianceTest.testCreateAndGetGroupsSeveralPagesUsingIdPaging",
            "E2EGroupComplianceTest.testCreateAndGetGroupsSeveralPagesUsingIndexPaging",
            "E2EGroupComplianceTest.testCreateAndGetGroupsWithStarIndexEqualTotalResults",
            "E2EGroupComplianceTest.testCreateAndGetGroupsWithZeroCountAndStartIndex",
            "E2EGroupComplianceTest.testCreateAndGetSingleGroup", "E2EGroupComplianceTest.testCreateEmptyGroup",
            "E2EGroupComplianceTest.testCreateGetFilteredPagedByIdGroupssTotalCount",
            "E2EGroupComplianceTest.testCreateGetGroupsWithZeroCountAndStartId",
            "E2EGroupComplianceTest.testCreateGroupWith500Members",
            "E2EGroupComplianceTest.testCreateGroupWithGroupMember",
            "E2EGroupComplianceTest.testCreateGroupWithMemberAndVisitMemberReference",
            "E2EGroupComplianceTest.testCreateGroupWithSameDisplayName",
            "E2EGroupComplianceTest.testCreateGroupWithUserAndGroupMembers",
            "E2EGroupComplianceTest.testCreateGroupWithUserMember", "E2EGroupComplianceTest.testDeleteGroupAndGet",
            "E2EGroupComplianceTest.testDeleteGroupMembersUpdate",
            "E2EGroupComplianceTest.testDeleteGroupWithGroupMembers",
            "E2EGroupComplianceTest.testDeleteGroupWithUserMembers",
            "E2EGroupComplianceTest.testDeleteGroupWithoutMembers",
            "E2EGroupComplianceTest.testGetFilteredGroupsTotalCount",
            "E2EGroupComplianceTest.testGetFilteredPagedByIdGroupsTotalCount",
            "E2EGroupComplianceTest.testGetGroupRequiredAttributeAreFetched",
            "E2EGroupComplianceTest.testGetGroupsAfterGroupMemberDeletion",
            "E2EGroupComplianceTest.testGetGroupsDefaultCountWithStartId",
            "E2EGroupComplianceTest.testGetGroupsDefaultCountWithStartIndex",
            "E2EGroupComplianceTest.testGetGroupsDefaultStartIndex", "E2EGroupComplianceTest.testGetGroupsEmptyList",
            "E2EGroupComplianceTest.testGetGroupsFilteredByDisplayName",
            "E2EGroupComplianceTest.testGetGroupsNegativeCountAndStartId",
            "E2EGroupComplianceTest.testGetGroupsPagingStartIdEqEnd",
            "E2EGroupComplianceTest.testGetGroupsPagingStartIdWithUpperCase",
            "E2EGroupComplianceTest.testGetGroupsSeveralPagesUsingIdPaging",
            "E2EGroupComplianceTest.testGetGroupsSeveralPagesUsingIndexPaging",
            "E2EGroupComplianceTest.testGetGroupsWithStarIndexEqualTotalResults",
            "E2EGroupComplianceTest.testGetGroupsWithStarIndexOutOfRange",
            "E2EGroupComplianceTest.testGetGroupsWithZeroCountAndStartId",
            "E2EGroupComplianceTest.testGetGroupsWithZeroCountAndStartIndex",
            "E2EGroupComplianceTest.testGetMultipleGroups",
            "E2EGroupComplianceTest.testGroupMemberDisplayNameUpdateWithPATCHRequest",
            "E2EGroupComplianceTest.testGroupMemberDisplayNameUpdateWithPUTRequest",
            "E2EGroupComplianceTest.testRemoveGroupMemberWithPATCH",
            "E2EGroupComplianceTest.testReplaceGroupMemberWithPATCH",
            "E2EGroupComplianceTest.testUpdateGroupAddAdditionalMember",
            "E2EGroupComplianceTest.testUpdateGroupDisplayName",
            "E2EGroupComplianceTest.testUpdateGroupRemovingMembers",
            "E2EGroupComplianceTest.testUpdateGroupRemovingOnlyOneMember",
            "E2EGroupComplianceTest.testUpdateGroupReplaceMembers", "E2EGroupComplianceTest.testUpdateMembersAndGet",
            // E2EPatchOperationComplianceTest
            "E2EPatchOperationComplianceTest.testChangeGroupByMultiplePatchOperationsInOneRequest",
            "E2EPatchOperationComplianceTest.testRemoveGroupMembersFromGroup204",
            // removes the read-only 'groups' of a user, which it first puts in a group
            "E2EPatchOperationComplianceTest.testRemoveReadOnlyAttribute400",
            // E2EUserComplianceTest
            "E2EUserComplianceTest.testCreateAndGetUserWithGroupsAndMultiValueAttrs",
            "E2EUserComplianceTest.testCreateAndGetUsersFilteredGroups",
            "E2EUserComplianceTest.testGetUsersFilteredGroups",
            // FilterEntitiesComplianceTest
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttribute",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithAND",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithANDNonExistingGroup1",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithANDNonExistingGroup2",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithANDNonExistingGroup3",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithAndNonExistingGroup2",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithAndNonExistingGroup3",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithOR",
            "FilterEntitiesComplianceTest.testGetGroupsFilteredByDisplayNameAttributeWithORNonExistingGroup1",
            "FilterEntitiesComplianceTest.testGetUsersFilteredByGroups",
            "FilterEntitiesComplianceTest.testGetUsersFilteredByGroupsANDLocale",
            "FilterEntitiesComplianceTest.testGetUsersFilteredByUserNameANDGroups",
            // GroupOperationsHttpResponseCodeTest
            "GroupOperationsHttpResponseCodeTest.testCreateAndGetGroup200",
            "GroupOperationsHttpResponseCodeTest.testCreateGroup201",
            "GroupOperationsHttpResponseCodeTest.testCreateGroupWithNonExistingMember404",
            "GroupOperationsHttpResponseCodeTest.testDeleteGroup204",
            "GroupOperationsHttpResponseCodeTest.testDeleteGroupMembersStillExist",
            "GroupOperationsHttpResponseCodeTest.testDeleteGroupTwice404",
            "GroupOperationsHttpResponseCodeTest.testDeleteGroupWithIllegalId400",
            "GroupOperationsHttpResponseCodeTest.testDeleteGroupWithNonExistingId404",
            "GroupOperationsHttpResponseCodeTest.testGetAllGroups200",
            "GroupOperationsHttpResponseCodeTest.testGetAllGroupsWithIllegalId400",
            "GroupOperationsHttpResponseCodeTest.testGetGroup200",
            "GroupOperationsHttpResponseCodeTest.testGetGroupWithIllegalId400",
            "GroupOperationsHttpResponseCodeTest.testGetGroupWithNonExistingId400",
            "GroupOperationsHttpResponseCodeTest.testGetMissingResource404",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupAddOperationForSimpleAttributeWithCorrectAttributes204",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRemoveOperationForSimpleAttributeWithCorrectAttributes204",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupReplaceOperationForSimpleAttributeWithCorrectAttributes204",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestDoesNotContainPatchSchema400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestWithInvalidOperationType400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestWithMissingPathWhenItIsRequired400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestWithMissingValueInAddOperation400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestWithMissingValueInReplaceOperation400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestWithNoOperations400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupRequestWithWrongPatchSchema400",
            "GroupOperationsHttpResponseCodeTest.testPatchGroupWithNonExistingId404",
            "GroupOperationsHttpResponseCodeTest.testUpdateGroup200",
            "GroupOperationsHttpResponseCodeTest.testUpdateGroupDisplayName200",
            "GroupOperationsHttpResponseCodeTest.testUpdateGroupWithIllegalId400",
            "GroupOperationsHttpResponseCodeTest.testUpdateGroupWithNonExistingId404",
            "GroupOperationsHttpResponseCodeTest.testUpdateGroupWithoutIdInBody200",
            // PatchResourceWithInvalidResourceAttributeTest
            "PatchResourceWithInvalidResourceAttributeTest.testPatchGroupRequestChangingInvalidSchemaAttributeAddOp",
            "PatchResourceWithInvalidResourceAttributeTest.testPatchGroupRequestChangingInvalidSchemaAttributeRemoveOp",
            "PatchResourceWithInvalidResourceAttributeTest.testPatchGroupRequestChangingInvalidSchemaAttributeReplaceOp",
            // PatchResourceWithWrongPatchSchemaTest
            "PatchResourceWithWrongPatchSchemaTest.testPatchGroupRequestWithWrongPatchSchemaNameAddOp",
            "PatchResourceWithWrongPatchSchemaTest.testPatchGroupRequestWithWrongPatchSchemaNameRemoveOp",
            "PatchResourceWithWrongPatchSchemaTest.testPatchGroupRequestWithWrongPatchSchemaNameReplaceOp");

    @LocalServerPort
    int port;
    @Autowired
    TestAgents agents;
    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    ScimTokens tokens;

    /** The database's name, for the suite's working directory. */
    abstract String database();

    @Test
    void sapsComplianceSuitePassesExceptForGroups() throws Exception {
        String missing = ScimonoSuite.unavailableReason();
        if (missing != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the SCIM compliance suite, but " + missing);
        }
        assumeTrue(missing == null, () -> "SKIPPED: the SCIM compliance suite cannot run: " + missing);

        var admin = agents.create(Role.ADMIN);
        Tenant tenant = customerUsers.tenant(5);
        String token = agents.as(admin, () -> tokens.create(tenant.id(), "SAP scimono compliance")).token();
        Path workDir = ScimonoSuite.JAR.getParent().resolve("run-" + database());
        List<Case> cases = ScimonoSuite.run("http://127.0.0.1:" + port + "/scim/v2", token, workDir);

        List<Case> failed = cases.stream().filter(Case::failed).toList();
        List<Case> notApplicable = failed.stream().filter(c -> GROUP_TESTS.contains(c.id())).toList();
        List<Case> known = failed.stream().filter(c -> !GROUP_TESTS.contains(c.id()))
                .filter(c -> ScimComplianceKnownFailures.REASONS.containsKey(c.id())).toList();
        List<Case> failures = failed.stream().filter(c -> !GROUP_TESTS.contains(c.id()))
                .filter(c -> !ScimComplianceKnownFailures.REASONS.containsKey(c.id())).toList();
        long skipped = cases.stream().filter(Case::skipped).count();
        System.out.printf("SCIM compliance (%s): %d tests, %d passed, %d failed (%d of them Group tests, not"
                + " applicable), %d skipped; the suite's log: %s%n", database(), cases.size(),
                cases.size() - failed.size() - skipped, failed.size(), notApplicable.size(), skipped,
                workDir.resolve("testLogs.log").toAbsolutePath());
        notApplicable.stream().map(Case::id).distinct()
                .forEach(id -> System.out.println("  not applicable (no groups): " + id));
        Set<String> knownIds = known.stream().map(Case::id).collect(Collectors.toCollection(TreeSet::new));
        System.out.printf("  %d known failures (ScimComplianceKnownFailures) in %d tests%n", known.size(), knownIds.size());
        // Some of the suite's tests run only when the server has users before they start (or none): a listed test
        // that was skipped this time is not reported as passing.
        Set<String> ran = cases.stream().filter(c -> !c.skipped()).map(Case::id).collect(Collectors.toSet());
        ScimComplianceKnownFailures.REASONS.keySet().stream().filter(id -> !knownIds.contains(id))
                .filter(ran::contains).sorted()
                .forEach(id -> System.out.println("  listed as known but did not fail, take it off the list: " + id));
        String listed = failures.stream().map(c -> "  " + c.id() + ": " + c.failure())
                .collect(Collectors.joining("\n"));
        System.out.println(listed);

        assertThat(cases).as("the suite's tests in %s", workDir).hasSizeGreaterThan(100);
        assertThat(cases.stream().map(Case::id).collect(Collectors.toSet()))
                .as("the Group tests named here, among the suite's tests").containsAll(GROUP_TESTS)
                .as("the known failures named, among the suite's tests")
                .containsAll(ScimComplianceKnownFailures.REASONS.keySet());
        if (!failures.isEmpty()) {
            fail(failures.size() + " SCIM compliance failures (Group tests and known failures left out), in "
                    + workDir.resolve("TEST-junit-jupiter.xml").toAbsolutePath() + ":\n" + listed);
        }
    }
}
