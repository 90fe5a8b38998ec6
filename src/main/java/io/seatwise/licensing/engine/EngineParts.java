package io.seatwise.licensing.engine;

import io.micrometer.observation.ObservationRegistry;
import io.seatwise.licensing.persistence.AssignmentWriter;
import io.seatwise.licensing.persistence.ChangeLog;
import io.seatwise.licensing.persistence.OutcomeRows;
import io.seatwise.licensing.persistence.SeatPools;
import io.seatwise.licensing.persistence.SelectionReader;

/** What a run works with: the repositories it reads and writes through, the observation registry. */
record EngineParts(SeatPools pools, SelectionReader reader, AssignmentWriter writer, OutcomeRows outcomes,
        ChangeLog changeLog, ObservationRegistry observations) {
}
