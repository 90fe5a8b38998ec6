package io.seatwise.passwordsheets.api;

import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Ids;
import io.seatwise.passwordsheets.PasswordSheets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/customers/{id}/passwordsheets/{sheetId}}: the temporary passwords of users just created (an
 * import answers the sheet's id), for the agent who created them: download once as CSV, send once by mail.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/passwordsheets/{sheetId}")
class PasswordSheetsApiController {

    record EmailRequest(String to) {
    }

    private final PasswordSheets sheets;

    PasswordSheetsApiController(PasswordSheets sheets) {
        this.sheets = sheets;
    }

    @GetMapping
    PasswordSheets.Status status(@PathVariable String customerId, @PathVariable String sheetId) {
        return sheets.status(customer(customerId), sheet(sheetId));
    }

    @GetMapping("/csv")
    ResponseEntity<byte[]> csv(@PathVariable String customerId, @PathVariable String sheetId) {
        byte[] csv = sheets.download(customer(customerId), sheet(sheetId));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("users-" + sheetId + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv);
    }

    @PostMapping("/email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void email(@PathVariable String customerId, @PathVariable String sheetId, @RequestBody EmailRequest request) {
        sheets.email(customer(customerId), sheet(sheetId), request == null ? null : request.to());
    }

    private static CustomerId customer(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    private static UUID sheet(String id) {
        return Ids.parse(id, "password sheet");
    }
}
