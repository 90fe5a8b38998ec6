package io.seatwise.provisioning;

import com.unboundid.scim2.client.ScimService;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;

/**
 * UnboundID's SCIM 2 client ({@link ScimService}) on Jersey with the Apache HttpClient 5 connector (Jersey's default
 * connector refuses PATCH), sending a SCIM token as {@code Authorization: Bearer}. Close it to free its connections.
 */
final class ScimSdk implements AutoCloseable {

    private final Client client;
    private final ScimService service;

    ScimSdk(String baseUrl, String token) {
        this.client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));
        client.register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                request.getHeaders().putSingle("Authorization", "Bearer " + token));
        this.service = new ScimService(client.target(baseUrl));
    }

    ScimService service() {
        return service;
    }

    @Override
    public void close() {
        client.close();
    }
}
