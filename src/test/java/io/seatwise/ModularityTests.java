package io.seatwise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages (production code; test fixtures may reach inside) keep their boundaries: no cycles, no reach
 * into another module's internals, no dependency a module has not declared. {@code BoundaryViolationsTests} shows
 * the same verification failing on an application that breaks them. The module diagrams in {@code docs/modules}
 * are generated from the same model and must match it.
 */
class ModularityTests {

    /** The checked-in diagrams, relative to the project directory (where Maven runs the tests). */
    static final Path DOCS = Path.of("docs", "modules");

    /** Modules whose {@code package-info} does not declare {@code allowedDependencies}: none, every module does. */
    static final Set<String> UNDECLARED = Set.of();

    /** {@code allowedDependencies} left at its default: no restriction. */
    private static final List<String> OPEN = List.of(ApplicationModule.OPEN_TOKEN);

    private final ApplicationModules modules = ApplicationModules.of(SeatwiseApplication.class,
            DescribedPredicate.describe("test classes", c -> c.getSource()
                    .map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false)));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * An undeclared module may depend on any other, so they are listed here exactly: a new module without a
     * declaration, or one that gains a declaration, fails until {@link #UNDECLARED} says so.
     */
    @Test
    void modulesDeclareTheirAllowedDependencies() {
        Set<String> undeclared = new TreeSet<>();
        modules.forEach(module -> {
            ApplicationModule declaration = packageInfo(module.getBasePackage().getName());
            if (declaration == null || List.of(declaration.allowedDependencies()).equals(OPEN)) {
                undeclared.add(module.getIdentifier().toString());
            }
        });

        assertThat(undeclared).containsExactlyInAnyOrderElementsOf(UNDECLARED);
    }

    /**
     * {@code docs/modules} holds the diagrams {@link Documenter} draws from the modules as they are: all modules
     * ({@code components.puml}) and each with its neighbours ({@code module-<name>.puml}), in PlantUML. When they
     * differ, this rewrites them and fails: review and commit the new ones. Module canvases are not written: Spring
     * Modulith 2.0.0 reads the Javadoc it extracts with a JSON parser that stumbles on quotes in Javadoc
     * (spring-modulith#1762, fixed in later 2.0.x releases).
     */
    @Test
    void moduleDiagramsInDocsAreCurrent() throws IOException {
        Path drawn = Path.of(System.getProperty("seatwise.test.output", "target"), "modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Map<String, String> expected = new TreeMap<>(diagrams(drawn));
        expected.replaceAll((name, text) -> sorted(text));
        Map<String, String> checkedIn = diagrams(DOCS);

        Set<String> differing = new TreeSet<>(expected.keySet());
        differing.addAll(checkedIn.keySet());
        differing.removeIf(name -> expected.get(name) != null && expected.get(name).equals(checkedIn.get(name)));
        if (!differing.isEmpty()) {
            rewrite(checkedIn.keySet(), expected);
        }

        assertThat(differing).as("diagrams in docs/modules that did not match the modules; now rewritten from them: "
                + "review and commit them").isEmpty();
    }

    private static ApplicationModule packageInfo(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The {@code .puml} files of a folder by name, with their text; none if the folder does not exist. */
    private static Map<String, String> diagrams(Path folder) throws IOException {
        Map<String, String> diagrams = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return diagrams;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                diagrams.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return diagrams;
    }

    /**
     * A diagram with each run of {@code Component(…)} and {@code Rel(…)} lines sorted: the Documenter writes them in
     * an order that changes from one build to the next, and PlantUML does not care.
     */
    static String sorted(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            String kind = kind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
                end++;
            }
            if (kind != null) {
                lines.subList(start, end).sort(null);
            }
            start = end;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Component(") ? "Component" : trimmed.startsWith("Rel(") ? "Rel" : null;
    }

    private static void rewrite(Set<String> stale, Map<String, String> diagrams) throws IOException {
        Files.createDirectories(DOCS);
        List<String> gone = new ArrayList<>(stale);
        gone.removeAll(diagrams.keySet());
        for (String name : gone) {
            Files.delete(DOCS.resolve(name));
        }
        diagrams.forEach((name, text) -> {
            try {
                Files.writeString(DOCS.resolve(name), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
