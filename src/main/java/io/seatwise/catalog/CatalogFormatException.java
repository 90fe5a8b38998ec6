package io.seatwise.catalog;

import java.util.List;

/** A catalog or rules file that cannot be loaded; every problem found, each with file, line and reason. */
class CatalogFormatException extends RuntimeException {

    private final List<String> problems;

    CatalogFormatException(List<String> problems) {
        super("The catalog cannot be loaded:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
