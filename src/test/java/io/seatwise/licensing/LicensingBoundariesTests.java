package io.seatwise.licensing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.seatwise.users.UserListChanges;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Licensing keeps the users list's counts right through one mechanism: its one writer of assignments publishes
 * {@link io.seatwise.users.selection.AssignmentsChanged}; no licensing class calls {@link UserListChanges}.
 */
class LicensingBoundariesTests {

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.seatwise");

    @Test
    void licensingNeverTellsTheUsersListItself() {
        noClasses().that().resideInAPackage("io.seatwise.licensing..")
                .should().dependOnClassesThat().belongToAnyOf(UserListChanges.class)
                .check(production);
    }

    @Test
    void onlyTheAssignmentWriterWritesAssignmentsAndPublishesTheirChange() {
        noClasses().that().resideInAPackage("io.seatwise.licensing..")
                .and().doNotHaveFullyQualifiedName("io.seatwise.licensing.persistence.AssignmentWriter")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("io.seatwise.users.selection.AssignmentsChanged")
                .check(production);
    }

    @Test
    void noLicensingClassAsksWhichDatabaseThisIs() {
        noClasses().that().resideInAPackage("io.seatwise.licensing..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.postgresql.PGConnection")
                .orShould().callMethod(java.sql.DatabaseMetaData.class, "getDatabaseProductName")
                .check(production);
    }
}
