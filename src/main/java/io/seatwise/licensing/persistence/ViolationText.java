package io.seatwise.licensing.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;

/**
 * Stores a user's license failures as one text column, a line each: {@code code|sku|plans|products|message}, the
 * plans and products as comma-separated ids. Lines of three fields ({@code code|sku|message}, results stored before
 * plans and products were kept) read as failures without plans. The column holds {@value #MAX} characters: a line
 * cut by the limit is left out.
 */
final class ViolationText {

    private static final int MAX = 2000;
    private static final Pattern IDS = Pattern.compile("|[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*");
    /** What is left of a list of ids cut short. */
    private static final Pattern CUT_IDS = Pattern.compile("[0-9a-fA-F,-]*");

    private ViolationText() {
    }

    static String encode(List<LicenseFailure> failures) {
        String text = failures.stream()
                .map(f -> f.code() + "|" + (f.skuId() == null ? "" : f.skuId()) + "|" + ids(f.servicePlans()) + "|"
                        + ids(f.products()) + "|" + f.message().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }

    static List<LicenseFailure> decode(String text) {
        List<LicenseFailure> result = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        for (String line : text.split("\n")) {
            try {
                LicenseFailure failure = line(line);
                if (failure != null) {
                    result.add(failure);
                }
            } catch (IllegalArgumentException cut) {
                // a line cut by the length limit
            }
        }
        return result;
    }

    private static LicenseFailure line(String line) {
        String[] parts = line.split("\\|", 5);
        if (parts.length < 3) {
            return null;
        }
        SkuId sku = parts[1].isEmpty() ? null : SkuId.of(parts[1]);
        if (parts.length == 5 && IDS.matcher(parts[2]).matches() && IDS.matcher(parts[3]).matches()) {
            return new LicenseFailure(parts[0], sku, parts[4], parse(parts[2], ServicePlanId::new),
                    parse(parts[3], SkuId::new));
        }
        if (parts.length < 5 && CUT_IDS.matcher(parts[2]).matches()) {
            return null;
        }
        String[] old = line.split("\\|", 3);
        return new LicenseFailure(old[0], sku, old[2]);
    }

    private static String ids(List<?> ids) {
        return ids.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    private static <T> List<T> parse(String ids, Function<UUID, T> type) {
        return ids.isEmpty() ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).map(type).toList();
    }
}
