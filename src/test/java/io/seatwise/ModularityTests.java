package io.seatwise;

import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages (production code; test fixtures may reach inside) keep their boundaries: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SeatwiseApplication.class,
            DescribedPredicate.describe("test classes", c -> c.getSource()
                    .map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false)));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, System.getProperty("seatwise.test.output", "target") + "/modulith-docs")
                .writeModulesAsPlantUml();
    }
}
