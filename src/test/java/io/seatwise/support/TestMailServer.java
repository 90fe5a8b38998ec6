package io.seatwise.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A mail server for tests that send mail: GreenMail's SMTP on a free port of 127.0.0.1, emptied around each test.
 * A test class registers it and points the application's mail at it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TestMailServer mail = new TestMailServer();
 *
 * @DynamicPropertySource
 * static void smtp(DynamicPropertyRegistry registry) {
 *     mail.pointMailAtIt(registry);
 * }
 * }</pre>
 */
public class TestMailServer extends GreenMailExtension {

    private final int port;

    public TestMailServer() {
        this(freePort());
    }

    private TestMailServer(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.port = port;
    }

    /** Sets {@code spring.mail.host} and {@code spring.mail.port} to this server. */
    public void pointMailAtIt(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
