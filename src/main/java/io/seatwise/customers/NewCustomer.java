package io.seatwise.customers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.seatwise.shared.CleanText;
import io.seatwise.shared.Countries;
import io.seatwise.shared.DomainException;

/** The command to create a customer: validated on construction, the name clean text in NFC, domains lower-cased. */
public record NewCustomer(String name, String country, List<String> domains) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DOMAINS = 50;
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    public NewCustomer {
        name = CleanText.name(name, "name");
        if (name == null) {
            throw DomainException.invalid("validation", "name", "name is required");
        }
        // Lower-casing can lengthen text ("İ" becomes two characters), and the lower-cased key is stored too.
        if (name.length() > MAX_NAME || name.toLowerCase(java.util.Locale.ROOT).length() > MAX_NAME) {
            throw DomainException.invalid("validation", "name", "name is longer than " + MAX_NAME + " characters");
        }
        country = Countries.require(country == null ? null : country.strip(), "country");
        if (domains == null || domains.isEmpty()) {
            throw DomainException.invalid("validation", "domains", "at least one domain is required");
        }
        if (domains.size() > MAX_DOMAINS) {
            throw DomainException.invalid("validation", "domains", "at most " + MAX_DOMAINS + " domains");
        }
        Set<String> clean = new LinkedHashSet<>();
        List<String> list = new ArrayList<>(domains);
        for (int i = 0; i < list.size(); i++) {
            String d = list.get(i) == null ? "" : CleanText.check(list.get(i).strip(), "domains[" + i + "]")
                    .toLowerCase(Locale.ROOT);
            if (!isDomain(d)) {
                throw DomainException.invalid("validation", "domains[" + i + "]",
                        "'" + list.get(i) + "' is not a valid domain name");
            }
            if (!clean.add(d)) {
                throw DomainException.invalid("validation", "domains[" + i + "]", "domain " + d + " is listed twice");
            }
        }
        domains = List.copyOf(clean);
    }

    public static boolean isDomain(String text) {
        return text != null && DOMAIN.matcher(text).matches();
    }
}
