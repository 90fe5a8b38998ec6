package io.seatwise.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.seatwise.access.Role;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.support.Polling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Import users from CSV through the API: the template, the report, creating, queued imports; both DBs. */
abstract class UserImportApiTests extends UserImportApiSupport {

    @Autowired
    ImportReaders readers;

    @Test
    void theTemplateIsACsvWithTheColumns() throws Exception {
        var body = getAs(helpdesk, base() + "/users/import/template")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("User name").contains("Usage location").contains("Licenses");
    }

    @Test
    void validationReportsEveryBadRowWithLineColumnAndReasonAndCreatesNothing() throws Exception {
        upload(helpdesk, mixedFile(), true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(7))
                .andExpect(jsonPath("$.valid").value(2))
                .andExpect(jsonPath("$.createdRows").value(false))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.problems", hasSize(5)))
                .andExpect(jsonPath("$.problems[0].line").value(4))
                .andExpect(jsonPath("$.problems[0].code").value("missing-field"))
                .andExpect(jsonPath("$.problems[1].line").value(5))
                .andExpect(jsonPath("$.problems[1].column").value("User name"))
                .andExpect(jsonPath("$.problems[1].code").value("domain-not-owned"))
                .andExpect(jsonPath("$.problems[2].line").value(6))
                .andExpect(jsonPath("$.problems[2].code").value("bad-location"))
                .andExpect(jsonPath("$.problems[3].line").value(7))
                .andExpect(jsonPath("$.problems[3].code").value("duplicate-in-file"))
                .andExpect(jsonPath("$.problems[4].line").value(8))
                .andExpect(jsonPath("$.problems[4].code").value("unknown-product"))
                .andExpect(jsonPath("$.passwordSheetId").doesNotExist());
        assertThat(users()).isZero();
    }

    @Test
    void importCreatesTheValidRowsWithLicensesAndReuploadCreatesNobodyTwice() throws Exception {
        var result = upload(helpdesk, mixedFile(), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.createdRows").value(true))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(5))
                .andExpect(jsonPath("$.licenseChanges", hasSize(1)))
                .andExpect(jsonPath("$.licenseChanges[0].succeeded").value(1));
        assertThat(read(result, "$.passwordSheetId")).isNotNull();
        assertThat(users()).isEqualTo(2);
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT usage_location FROM app_user WHERE user_name_key = ?").param("bo@" + domain)
                .query(String.class).single()).as("an empty location is the customer's country").isEqualTo("SE");
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE user_name_key = ?").param("bo@" + domain)
                .query(String.class).single()).isEqualTo("Bo Ek");
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND password_hash LIKE '{tmp}%' "
                + "AND must_change_password", tenant.id().value())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT data FROM activity_log WHERE customer_id = ? AND action = 'users.imported'")
                .param(tenant.id().value()).query(String.class).single())
                .contains("\"created\":2").contains("\"rejected\":5").contains("\"licensed\":1");

        // The same file again: every valid row exists already, nobody is created twice
        upload(helpdesk, mixedFile(), false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.valid").value(0))
                .andExpect(jsonPath("$.problems[?(@.code == 'already-exists')]", hasSize(2)));
        assertThat(users()).isEqualTo(2);
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(1);
    }

    @Test
    void whenEveryReaderIsBusyAnImportReadsItsFileItselfAndCreatesTheSame() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Runnable blocked = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        int taken = 0;
        try {
            while (readers.start(blocked) != null) {
                taken++;
            }
            assertThat(taken).as("the readers of this node").isPositive();
            upload(helpdesk, mixedFile(), false)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(2))
                    .andExpect(jsonPath("$.licenseChanges[0].succeeded").value(1));
        } finally {
            release.countDown();
        }
        assertThat(users()).isEqualTo(2);
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(1);
    }

    @Test
    void anAsyncImportIsAJobWhoseResultIsTheReport() throws Exception {
        // When the file is sent with ?async=true
        String location = mvc.perform(multipart(base() + "/users/import?async=true")
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", mixedFile()))
                        .header("Authorization", helpdesk.bearer()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith(base() + "/jobs/")))
                .andExpect(jsonPath("$.jobId").isNotEmpty())
                .andReturn().getResponse().getHeader("Location");

        // Then its job ends with the same report the synchronous import answers
        Polling.atMost(Duration.ofSeconds(60)).until(() -> read(getAs(helpdesk, location).andExpect(status().isOk()),
                "$.status"), (String s) -> s.equals("SUCCEEDED") || s.equals("FAILED"));
        getAs(helpdesk, location)
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.kind").value("user-import"))
                .andExpect(jsonPath("$.attempts").value(1))
                .andExpect(jsonPath("$.result.rows").value(7))
                .andExpect(jsonPath("$.result.created").value(2))
                .andExpect(jsonPath("$.result.problemCount").value(5))
                .andExpect(jsonPath("$.result.problems[0].line").value(4))
                .andExpect(jsonPath("$.result.problems[0].code").value("missing-field"))
                .andExpect(jsonPath("$.result.licensesGiven").value(1))
                .andExpect(jsonPath("$.result.passwordSheetId").isNotEmpty())
                .andExpect(jsonPath("$.error").doesNotExist());
        assertThat(users()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM job_payload WHERE customer_id = ?", tenant.id().value()))
                .as("the file goes when the job is over").isZero();

        // Another agent does not see it, nor a malformed id; async with validateOnly is a 400
        getAs(agents.create(Role.HELPDESK), location).andExpect(status().isNotFound());
        getAs(helpdesk, base() + "/jobs/not-a-uuid").andExpect(status().isNotFound());
        mvc.perform(multipart(base() + "/users/import?async=true&validateOnly=true")
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", mixedFile()))
                        .header("Authorization", helpdesk.bearer()))
                .andExpect(problem(400, "validation", "async"));
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void anAsyncImportWithNothingToCreateEndsWithItsReport() throws Exception {
        byte[] bad = ("Display name;User name\nAnn;ann@elsewhere.example\n;bo@" + domain + "\n")
                .getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(multipart(base() + "/users/import?async=true")
                        .file(new MockMultipartFile("file", "users.csv", "text/csv", bad))
                        .header("Authorization", helpdesk.bearer()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        Polling.atMost(Duration.ofSeconds(60)).until(() -> read(getAs(helpdesk, location), "$.status"),
                (String s) -> s.equals("SUCCEEDED") || s.equals("FAILED"));
        getAs(helpdesk, location)
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.result.created").value(0))
                .andExpect(jsonPath("$.result.problemCount").value(2))
                .andExpect(jsonPath("$.result.problems[0].code").value("domain-not-owned"))
                .andExpect(jsonPath("$.result.passwordSheetId").doesNotExist());
        assertThat(users()).isZero();
    }

    @Test
    void excelUnicodeTextWithTabsImports() throws Exception {
        String text = "First name\tLast name\tDisplay name\tUser name\tUsage location\n"
                + "Юлия\tИванова\tЮлия Иванова\tjulia@" + domain + "\tSE\n"
                + "明\t王\t王明\twang@" + domain + "\t\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.write(text.getBytes(StandardCharsets.UTF_16LE));
        upload(helpdesk, bytes.toByteArray(), false).andExpect(jsonPath("$.created").value(2));
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE user_name_key = ?").param("julia@" + domain)
                .query(String.class).single()).isEqualTo("Юлия Иванова");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeWithItsLine() throws Exception {
        upload(helpdesk, "First name,Last name\nAnn,Lee\n".getBytes(StandardCharsets.UTF_8), false)
                .andExpect(problem(400, "import-file-invalid"))
                .andExpect(jsonPath("$.code").value("missing-column"));
        upload(helpdesk, ("Display name,User name\nAnn,ann@" + domain + "\n\"Bo,bo@" + domain + "\n")
                .getBytes(StandardCharsets.UTF_8), false)
                .andExpect(problem(400, "import-file-invalid"))
                .andExpect(jsonPath("$.line").value(3));
        mvc.perform(multipart(base() + "/users/import").header("Authorization", helpdesk.bearer()))
                .andExpect(problem(400, "validation", "file"));
        assertThat(users()).isZero();
    }
}
