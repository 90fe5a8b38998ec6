package io.seatwise.imports;

import java.util.Map;

import io.seatwise.shared.DomainException;

/**
 * A users import file that cannot be read as a whole (empty, no header, a column missing, broken quoting or
 * encoding): nothing of it should be created. Carries the {@link UserImportProblem} with its line.
 */
public class UserImportFileException extends DomainException {

    private final transient UserImportProblem problem;

    UserImportFileException(UserImportProblem problem) {
        super(Kind.INVALID, "import-file-invalid", "file", problem.toString(),
                Map.of("line", problem.line(), "code", problem.code().id()));
        this.problem = problem;
    }

    UserImportFileException(long line, UserImportProblem.Code code, String message) {
        this(new UserImportProblem(line, null, code, message));
    }

    public UserImportProblem problem() {
        return problem;
    }
}
