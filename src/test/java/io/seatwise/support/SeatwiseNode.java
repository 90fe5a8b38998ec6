package io.seatwise.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One Seatwise instance started as its own process ({@code java} with this test JVM's class path, less the test
 * classes, and {@code io.seatwise.SeatwiseApplication}), on a free loopback port, its output in a file under
 * {@code target/}. Stopped by its process id: gently with {@link #close()}, at once with {@link #kill()}.
 */
public final class SeatwiseNode implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private SeatwiseNode(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts an instance with these properties (given as {@code --name=value}) and waits until it is healthy. */
    public static SeatwiseNode start(String name, Map<String, String> properties) throws IOException,
            InterruptedException {
        int port = freePort();
        Path dir = Path.of(System.getProperty("seatwise.test.output", "target"), "nodes");
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", classPath(), "io.seatwise.SeatwiseApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        SeatwiseNode node = new SeatwiseNode(name, process, port, log);
        try {
            node.awaitHealthy();
        } catch (RuntimeException e) {
            node.kill();
            throw e;
        }
        return node;
    }

    /** The application's classes and libraries: the test classes stay out (their fixtures are components). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').replaceAll("/$", "").endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Polling.atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .alias(name + " to become healthy; see " + log.toAbsolutePath()).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + " while starting; see " + log.toAbsolutePath());
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(5))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false; // not listening yet
                    }
                });
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the instance has written so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops it at once (SIGKILL): no shutdown hook, no cleanup, like a crash or a pulled plug. */
    public void kill() throws InterruptedException {
        ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops it gently, then hard if it does not stop within 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
