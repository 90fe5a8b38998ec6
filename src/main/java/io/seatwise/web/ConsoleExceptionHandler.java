package io.seatwise.web;

import io.seatwise.shared.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain errors a console controller did not turn into a form message: an unknown id is the 404 page, anything
 * else an error page that says what was wrong. Controllers handle the errors they can show next to a field. It
 * applies to the console ({@code web}) package of each module, named here: a module whose console is not listed
 * gets Spring's default error handling instead.
 */
@ControllerAdvice(basePackages = {"io.seatwise.web", "io.seatwise.customers.web", "io.seatwise.users.web",
        "io.seatwise.imports.web", "io.seatwise.passwordsheets.web", "io.seatwise.access.web",
        "io.seatwise.audit.web", "io.seatwise.licensing.web", "io.seatwise.provisioning.web"})
class ConsoleExceptionHandler {

    private final ConsoleMessages messages;

    ConsoleExceptionHandler(ConsoleMessages messages) {
        this.messages = messages;
    }

    /** The database refused a change (a constraint, or a concurrent change): nothing was changed. */
    @ExceptionHandler({DataIntegrityViolationException.class, PessimisticLockingFailureException.class})
    ModelAndView conflict(RuntimeException e, jakarta.servlet.http.HttpServletResponse response) {
        return domain(DomainException.conflict("conflict", null, "The change conflicts with the current data."),
                response);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, jakarta.servlet.http.HttpServletResponse response) {
        Object retryAfter = e.properties().get(DomainException.RETRY_AFTER);
        if (retryAfter != null) {
            response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        ModelAndView page = switch (e.kind()) {
            case NOT_FOUND -> new ModelAndView("error", HttpStatus.NOT_FOUND);
            case FORBIDDEN -> new ModelAndView("error", HttpStatus.FORBIDDEN);
            case INVALID -> new ModelAndView("error", HttpStatus.BAD_REQUEST);
            case CONFLICT -> new ModelAndView("error", HttpStatus.CONFLICT);
            case TOO_MANY -> new ModelAndView("error", HttpStatus.TOO_MANY_REQUESTS);
        };
        page.addObject("status", page.getStatus().value());
        page.addObject("message", messages.pageText(e));
        return page;
    }
}
