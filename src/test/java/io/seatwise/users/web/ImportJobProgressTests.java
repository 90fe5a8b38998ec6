package io.seatwise.users.web;

import java.util.UUID;

import io.seatwise.customers.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import progress page's steps and percentages, from what the import service tells as it goes. */
class ImportJobProgressTests {

    @Test
    void checksThenWritesThenGivesLicenses() {
        // Given a run of a file of 10 rows, 4 of them valid
        ImportJobs.Job job = new ImportJobs.Job(UUID.randomUUID(), new CustomerId(UUID.randomUUID()), "agent", 10, 4);
        assertThat(job.step()).isEqualTo("checking");
        assertThat(job.percent()).isZero();

        // When the service has checked half the rows, then all, then written users
        job.checked = 5;
        assertThat(job.step()).isEqualTo("checking");
        assertThat(job.percent()).isEqualTo(50);
        job.checked = 10;
        assertThat(job.step()).isEqualTo("creating");
        assertThat(job.percent()).isZero();
        job.created = 2;
        assertThat(job.percent()).isEqualTo(50);

        // Then, every user written, licenses are the last step
        job.created = 4;
        assertThat(job.step()).isEqualTo("licensing");
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.done()).isFalse();
    }
}
