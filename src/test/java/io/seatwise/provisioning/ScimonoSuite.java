package io.seatwise.provisioning;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * SAP's SCIM 2.0 compliance suite ({@code com.sap.scimono:scimono-compliance-tests}, the shaded jar that Maven copies
 * to {@code target/scimono/}) run as a child process against a SCIM base URL, and its JUnit XML read back.
 *
 * <p>Facts of version 0.0.24, read from its jar: it takes only {@code scim.service.url}, {@code auth.type},
 * {@code basic.auth.*}, {@code oauth.*} and {@code tests.file.path} (anything else, such as the
 * {@code custom.headers} of later versions, stops it with "Unsupported property"); without {@code auth.type=Basic}
 * it fetches a token by OAuth client credentials ({@code POST <oauth.service.url>?grant_type=<oauth.grant>}, the
 * {@code access_token} of the JSON answer) and sends {@code Authorization: Bearer <access_token>}. So a loopback
 * token endpoint here hands it the SCIM token. It always exits 0 and writes
 * {@code TEST-junit-jupiter.xml} and {@code testLogs.log} in its working directory. Its client sends PATCH through
 * Jersey's HttpURLConnection method workaround, which on Java 17 needs {@code java.net} opened to it.
 */
final class ScimonoSuite {

    static final Path JAR = Path.of(System.getProperty("seatwise.test.output", "target"), "scimono",
            "scimono-compliance-tests-shaded.jar");
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    /**
     * One test of the suite: its class (simple name), method (without parameters: each case of a parameterised test
     * is one {@code Case} of the same name), and the failure or error message (null if none).
     */
    record Case(String className, String name, String failure, boolean skipped) {

        String id() {
            return className + "." + name;
        }

        boolean failed() {
            return failure != null;
        }
    }

    private ScimonoSuite() {
    }

    /** Why the suite cannot run here, or null if it can. */
    static String unavailableReason() {
        return Files.isRegularFile(JAR) ? null
                : JAR.toAbsolutePath() + " is missing (maven-dependency-plugin copies it in process-test-resources;"
                        + " the first build needs Maven Central)";
    }

    /** Runs the whole suite against {@code baseUrl} with {@code token}, in {@code workDir}; answers its tests. */
    static List<Case> run(String baseUrl, String token, Path workDir) throws IOException, InterruptedException {
        clean(workDir);
        HttpServer tokens = tokenEndpoint(token);
        try {
            int tokenPort = tokens.getAddress().getPort();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "-jar", JAR.toAbsolutePath().toString(), "scim.service.url=" + baseUrl, "auth.type=Oauth",
                    "oauth.grant=client_credentials", "oauth.clientId=seatwise", "oauth.secret=unused",
                    "oauth.service.url=http://127.0.0.1:" + tokenPort + "/token");
            Path log = workDir.resolve("scimono.out");
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ProcessHandle handle = process.toHandle();
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("The SCIM compliance suite did not end within " + TIMEOUT
                        + " and was stopped; see " + log.toAbsolutePath());
            }
            Path xml = workDir.resolve("TEST-junit-jupiter.xml");
            if (!Files.isRegularFile(xml)) {
                throw new IllegalStateException("The SCIM compliance suite exited with " + process.exitValue()
                        + " and wrote no " + xml.toAbsolutePath() + "; its output:\n" + tail(log));
            }
            return read(xml);
        } finally {
            tokens.stop(0);
        }
    }

    /** The OAuth client-credentials endpoint the suite asks for its bearer token: it answers the SCIM token. */
    private static HttpServer tokenEndpoint(String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = ("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/token", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    static List<Case> read(Path xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList testcases = factory.newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("testcase");
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < testcases.getLength(); i++) {
                Element testcase = (Element) testcases.item(i);
                String className = testcase.getAttribute("classname");
                String name = testcase.getAttribute("name").replaceAll("\\(.*$", "");
                cases.add(new Case(className.substring(className.lastIndexOf('.') + 1), name,
                        failure(testcase), testcase.getElementsByTagName("skipped").getLength() > 0));
            }
            return cases;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + xml.toAbsolutePath(), e);
        }
    }

    private static String failure(Element testcase) {
        for (String tag : List.of("failure", "error")) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                Element e = (Element) found.item(0);
                String message = e.getAttribute("message");
                return message.isBlank() ? e.getAttribute("type") : message;
            }
        }
        return null;
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
