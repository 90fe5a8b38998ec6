/** {@code /api/v1/customers/{customerId}/jobs/{jobId}}: a job's status over REST. Internal to the jobs module. */
package io.seatwise.jobs.api;
