package io.seatwise.modularity;

import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import io.seatwise.modularity.violation.ViolationFixture;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@code ModularityTests} does to Seatwise, done to {@link ViolationFixture}, an application that breaks its
 * boundaries on purpose: the same {@code verify()} fails, naming the module and the type each violation is about.
 */
class BoundaryViolationsTests {

    /** The fixture's classes are test classes, which {@link ApplicationModules} leaves out unless told otherwise. */
    private static final ImportOption INCLUDING_TEST_CLASSES = location -> true;

    /**
     * What {@code verify()} threw for the fixture. Taken once: {@link ApplicationModules} are cached by package, and
     * an instance verifies only once.
     */
    private static final Violations THROWN = catchThrowableOfType(Violations.class,
            () -> ApplicationModules.of(ViolationFixture.class.getPackageName(), INCLUDING_TEST_CLASSES).verify());

    @Test
    void reachingIntoAnotherModulesInternalPackageFailsVerification() {
        List<String> violations = violations();

        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Module 'billing' depends on non-exposed type "
                        + "io.seatwise.modularity.violation.orders.internal.OrderLines within module 'orders'"));
    }

    @Test
    void usingAModuleNotDeclaredAmongTheAllowedDependenciesFailsVerification() {
        List<String> violations = violations();

        assertThat(violations).anySatisfy(v -> assertThat(v)
                .contains("Module 'shipping' depends on module 'orders'")
                .contains("io.seatwise.modularity.violation.shipping.Shipments")
                .contains("io.seatwise.modularity.violation.orders.Orders")
                .contains("Allowed targets: none"));
    }

    @Test
    void aModuleUsingItsOwnInternalPackageIsNoViolation() {
        List<String> violations = violations();

        assertThat(violations).allSatisfy(v -> assertThat(v).containsAnyOf("Module 'billing' depends on non-exposed "
                + "type io.seatwise.modularity.violation.orders.internal.OrderLines", "Module 'shipping' depends on "
                + "module 'orders'"));
    }

    /** The violations {@code verify()} threw for the fixture. */
    private static List<String> violations() {
        assertThat(THROWN).as("what verify() of an application that breaks its boundaries threw").isNotNull();
        return THROWN.getMessages();
    }
}
