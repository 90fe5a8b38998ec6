package io.seatwise.licensing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.seatwise.shared.DomainException;

/** Not enough seats for the users that would get a product: the whole change is refused and nothing changed. */
public class InsufficientSeatsException extends DomainException {

    private final transient List<ProductSeats> shortfalls;

    public InsufficientSeatsException(List<ProductSeats> shortfalls) {
        super(Kind.CONFLICT, "insufficient-seats", "licensesToAssign", message(shortfalls),
                Map.of("shortfalls", shortfalls.stream().map(s -> Map.<String, Object>of(
                        "skuId", s.skuId().toString(), "skuPartNumber", s.skuPartNumber(),
                        "needed", s.needed(), "available", s.available(), "missing", s.shortfall())).toList()));
        this.shortfalls = List.copyOf(shortfalls);
    }

    public List<ProductSeats> shortfalls() {
        return shortfalls;
    }

    private static String message(List<ProductSeats> shortfalls) {
        return "Not enough licenses: " + shortfalls.stream().map(s -> s.skuPartNumber() + " needs " + s.needed()
                + ", " + s.available() + " available (" + s.shortfall() + " missing)")
                .collect(Collectors.joining("; ")) + ". Nothing was changed.";
    }
}
