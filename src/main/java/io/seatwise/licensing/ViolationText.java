package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.seatwise.catalog.SkuId;

/** Stores a user's violations as one text column: {@code code|sku|message} lines. */
final class ViolationText {

    private static final int MAX = 2000;

    private ViolationText() {
    }

    static String encode(List<Violation> violations) {
        String text = violations.stream()
                .map(v -> v.code().name() + "|" + (v.skuId() == null ? "" : v.skuId()) + "|"
                        + v.message().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }

    static List<Violation> decode(String text) {
        List<Violation> result = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length < 3) {
                continue;
            }
            try {
                result.add(new Violation(ErrorCode.valueOf(parts[0]), parts[1].isEmpty() ? null : SkuId.of(parts[1]),
                        parts[2]));
            } catch (IllegalArgumentException cut) {
                // a line cut by the length limit
            }
        }
        return result;
    }
}
