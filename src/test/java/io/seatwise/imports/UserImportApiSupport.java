package io.seatwise.imports;

import java.nio.charset.StandardCharsets;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * What the API tests of user imports and of the password sheets they leave share: a customer with two E3 seats and
 * its domain, a helpdesk agent, uploading a CSV file, a file of two valid and five bad rows.
 */
public abstract class UserImportApiSupport extends ApiTestSupport {

    @Autowired
    protected LicensingFixture fixture;

    protected Signed helpdesk;
    protected Tenant tenant;
    protected String domain;

    @BeforeEach
    void tenantWithTwoE3Seats() {
        helpdesk = agents.create(Role.HELPDESK);
        tenant = fixture.tenant("SE", LicensingFixture.E3, 2);
        domain = jdbc.sql("SELECT domain_name FROM customer_domain WHERE customer_id = ?")
                .param(tenant.id().value()).query(String.class).single();
    }

    /** The customer's API address. */
    protected String base() {
        return "/api/v1/customers/" + tenant.id();
    }

    /** The file imported (or only checked) as this agent. */
    protected ResultActions upload(Signed who, byte[] file, boolean validateOnly) throws Exception {
        return mvc.perform(multipart(base() + "/users/import" + (validateOnly ? "?validateOnly=true" : ""))
                .file(new MockMultipartFile("file", "users.csv", "text/csv", file))
                .header("Authorization", who.bearer()));
    }

    /** Ann (E3, Norway) and Bo are valid; lines 4 to 8 are refused, each for another reason. */
    protected byte[] mixedFile() {
        return ("First name;Last name;Display name;User name;Usage location;Licenses\n"
                + "Ann;Lee;Ann Lee;ann@" + domain + ";NO;spe_e3\n"
                + "Bo;Ek;;bo@" + domain + ";;\n"
                + ";;;carl@" + domain + ";SE;\n"                       // line 4: no name at all
                + "Dan;Do;Dan Do;dan@elsewhere.example;SE;\n"          // line 5: not the customer's domain
                + "Eve;Ek;=HYPERLINK(\"x\");eve@" + domain + ";XX;\n"  // line 6: bad location
                + "Fay;Fo;Fay;ANN@" + domain + ";SE;\n"                // line 7: duplicate of line 2
                + "Gus;Gu;Gus;gus@" + domain + ";SE;NOSUCHSKU\n")      // line 8: unknown product
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The customer's users. */
    protected long users() {
        return count("SELECT count(*) FROM app_user WHERE customer_id = ?", tenant.id().value());
    }
}
