package io.seatwise.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The first problems of a file by line, and how many there were: "already exists" comes up to a thousand rows
 * after the row's own problems, so the kept ones are the lowest lines seen, not the first told.
 */
final class FirstProblems {

    private final int keep;
    private final PriorityQueue<UserImportProblem> lowest;
    private long order;
    private final Map<UserImportProblem, Long> told = new IdentityHashMap<>();
    private int count;

    FirstProblems(int keep) {
        this.keep = keep;
        // The highest line (the latest told of a line) on top, to be dropped first
        this.lowest = new PriorityQueue<>(Comparator
                .comparingLong(UserImportProblem::line).thenComparingLong(told::get).reversed());
    }

    void add(UserImportProblem problem) {
        count++;
        if (lowest.size() == keep && problem.line() >= lowest.peek().line()) {
            return;
        }
        told.put(problem, order++);
        lowest.add(problem);
        if (lowest.size() > keep) {
            told.remove(lowest.poll());
        }
    }

    int count() {
        return count;
    }

    List<UserImportProblem> first() {
        List<UserImportProblem> sorted = new ArrayList<>(lowest);
        sorted.sort(Comparator.comparingLong(UserImportProblem::line).thenComparingLong(told::get));
        return sorted;
    }
}
