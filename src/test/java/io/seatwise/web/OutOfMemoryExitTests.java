package io.seatwise.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 1: the JVM that the README's {@code ./mvnw spring-boot:run} starts exits on an
 * {@link OutOfMemoryError} instead of limping on. A JVM is started with the JVM arguments the pom gives
 * spring-boot:run, and runs a program that, like a request thread, runs out of memory while the rest of it would
 * go on for ever.
 */
class OutOfMemoryExitTests {

    /** Runs out of memory on a worker thread, as a request would; the main thread would live on. */
    public static final class Hog {

        public static void main(String[] args) throws Exception {
            Thread worker = new Thread(() -> {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 20]);
                }
            }, "http-nio-worker");
            worker.start();
            worker.join();
            System.out.println("still running after the worker died");
            Thread.sleep(60_000);
        }
    }

    @Test
    void theJvmThatSpringBootRunStartsExitsOnOutOfMemory() throws Exception {
        // Given the JVM arguments spring-boot:run is given by the pom
        String pom = Files.readString(Paths.get("pom.xml"));
        Matcher m = Pattern.compile("<jvmArguments>([^<]*)</jvmArguments>").matcher(pom);
        assertThat(m.find()).as("spring-boot-maven-plugin has jvmArguments").isTrue();
        List<String> jvmArguments = Arrays.asList(m.group(1).trim().split("\\s+"));

        // When a program run with them runs out of memory on a worker thread
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(List.of("-Xmx32m", "-cp", System.getProperty("java.class.path"), Hog.class.getName()));
        Path output = Files.createTempFile("oom", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            // Then the whole JVM ends at once, not the thread alone
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
            String log = Files.readString(output);
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log).contains("OutOfMemoryError").doesNotContain("still running");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
