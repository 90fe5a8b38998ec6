package io.seatwise.passwordsheets.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.passwordsheets.PasswordSheets;
import io.seatwise.passwordsheets.SheetNotes;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The confirmation page after Add user or Import users: every new user with its temporary password and license
 * outcome, to print, to download as CSV (once) and to email (once); after both the passwords are gone.
 */
@Controller
class PasswordSheetController {

    /** One line of the page: the sheet's line with the license outcome noted when the user was created. */
    record Row(String userPrincipalName, String displayName, String temporaryPassword, SheetNotes.Line licenses) {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "Row[userPrincipalName=" + userPrincipalName + ", temporaryPassword=(hidden)]";
        }
    }

    /** At most this many lines on the page (an import can have 100,000); the CSV and the mail hold them all. */
    static final int SHOWN = 5_000;

    private final CustomersService customers;
    private final PasswordSheets sheets;
    private final ConsoleMessages messages;

    PasswordSheetController(CustomersService customers, PasswordSheets sheets, ConsoleMessages messages) {
        this.customers = customers;
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping("/customers/{id}/users/sheets/{sheet}")
    String page(@PathVariable String id, @PathVariable String sheet, Model model, HttpSession session,
            HttpServletResponse response) {
        Customer customer = customers.get(SheetForms.customerId(id));
        fill(model, customer, SheetForms.sheetId(sheet), session, "", FormErrors.none());
        response.setHeader("Cache-Control", "no-store");
        return "passwordsheets/sheet";
    }

    @PostMapping("/customers/{id}/users/sheets/{sheet}/csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @PathVariable String sheet) {
        Customer customer = customers.get(SheetForms.customerId(id));
        UUID sheetId = SheetForms.sheetId(sheet);
        byte[] csv;
        try {
            csv = sheets.download(customer.id(), sheetId);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            // Downloaded already (another tab, a second click): the page says so.
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(java.net.URI.create("/customers/" + customer.id() + "/users/sheets/" + sheetId))
                    .build();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("users.csv")
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/customers/{id}/users/sheets/{sheet}/email")
    String email(@PathVariable String id, @PathVariable String sheet, @RequestParam(required = false) String to,
            Model model, HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
        Customer customer = customers.get(SheetForms.customerId(id));
        UUID sheetId = SheetForms.sheetId(sheet);
        try {
            sheets.email(customer.id(), sheetId, to);
            redirect.addFlashAttribute("success", messages.get("passwordsheet.emailed", to.strip()));
            return "redirect:/customers/" + customer.id() + "/users/sheets/" + sheetId;
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            response.setHeader("Cache-Control", "no-store");
            fill(model, customer, sheetId, session, to, FormErrors.of(e.field(), Set.of("to"),
                    messages.text(SheetForms.ERRORS, e)));
            return "passwordsheets/sheet";
        }
    }

    private void fill(Model model, Customer customer, UUID sheet, HttpSession session, String to,
            FormErrors errors) {
        PasswordSheets.Status status = sheets.status(customer.id(), sheet);
        SheetNotes notes = SheetNotes.of(session);
        Map<String, SheetNotes.Line> lines = notes.lines(sheet).stream()
                .collect(Collectors.toMap(SheetNotes.Line::userPrincipalName, Function.identity(), (a, b) -> b));
        List<Row> rows = status.downloaded() && status.emailed() ? List.of()
                : sheets.entries(customer.id(), sheet).stream().limit(SHOWN).map(e -> new Row(e.userPrincipalName(),
                        e.displayName(), e.temporaryPassword(), lines.get(e.userPrincipalName()))).toList();
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("status", status);
        model.addAttribute("rows", rows);
        model.addAttribute("shown", SHOWN);
        model.addAttribute("summary", notes.summary(sheet));
        model.addAttribute("to", to);
        model.addAttribute("errors", errors);
    }
}
