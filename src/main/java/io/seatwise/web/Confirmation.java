package io.seatwise.web;

import java.util.Map;

/**
 * A confirmation step before a change, rendered by the {@code confirm} template: the question, the form that makes
 * the change (action and hidden fields) and where Cancel goes. Texts are already in the request's language.
 */
public record Confirmation(String title, String question, String action, Map<String, String> fields,
        String confirmLabel, String cancelUrl, boolean danger) {

    public Confirmation {
        fields = Map.copyOf(fields);
    }
}
