package io.seatwise.jobs.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.Job;
import io.seatwise.jobs.JobId;
import io.seatwise.jobs.Jobs;
import io.seatwise.shared.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers/{customerId}/jobs/{jobId}}: a job the caller started (an import sent with
 * {@code ?async=true}) — its status ({@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}), its
 * progress, and once over its result or error. Another caller's job is 404.
 */
@RestController
class JobsApiController {

    /** An error of a failed job. */
    record JobError(String code, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobResponse(UUID id, String kind, String status, String step, long done, long total, int percent,
            int attempts, Instant createdAt, Instant startedAt, Instant finishedAt, @JsonRawValue String result,
            JobError error) {

        static JobResponse of(Job job) {
            return new JobResponse(job.id().value(), job.kind(), job.status().name(), job.step(), job.done(),
                    job.total(), job.percent(), job.attempts(), job.createdAt(), job.startedAt(), job.finishedAt(),
                    job.result(), job.errorCode() == null ? null : new JobError(job.errorCode(), job.errorMessage()));
        }
    }

    private final Jobs jobs;

    JobsApiController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/customers/{customerId}/jobs/{jobId}")
    JobResponse job(@PathVariable String customerId, @PathVariable String jobId) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        return JobResponse.of(jobs.get(customer, new JobId(Ids.parse(jobId, "job"))));
    }
}
