package io.seatwise.api;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload's file name as the real server (Tomcat's multipart parser, which MockMvc skips) receives it: NUL or
 * over 255 characters is a 400 problem, not a 500 or a 413. H2 only: this is about parsing HTTP, not the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ActiveProfiles("test")
class UploadFileNameServerTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAgents agents;
    @Autowired
    LicensingFixture fixture;

    @Test
    void aFileNameWithNulOrOver255CharactersIsA400Problem() throws Exception {
        Signed sales = agents.create(Role.SALES);
        Tenant tenant = fixture.tenant("SE", LicensingFixture.E3, 1);
        for (String name : List.of("users\u0000.csv", "x".repeat(256), "x".repeat(5000), "x".repeat(20_000))) {
            for (String query : List.of("", "?async=true")) {
                HttpResponse<String> response = upload(sales, tenant, query, name);
                assertThat(response.statusCode()).as(name.length() + " characters" + query).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).contains("urn:seatwise:problem:invalid-file-name")
                        .contains("\"field\":\"file\"");
            }
        }
        // Any name of up to 255 characters gets through, Chinese ones too (3 bytes each)
        assertThat(upload(sales, tenant, "?validateOnly=true", "用户".repeat(125) + ".csv").statusCode())
                .isEqualTo(200);
    }

    HttpResponse<String> upload(Signed who, Tenant tenant, String query, String fileName) throws Exception {
        String boundary = "----seatwise" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(fileName.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\"\r\nContent-Type: text/csv\r\n\r\nDisplay name,User name\r\nBo,bo@" + tenant.domain()
                + "\r\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/customers/"
                        + tenant.id() + "/users/import" + query))
                .header("Authorization", who.bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
