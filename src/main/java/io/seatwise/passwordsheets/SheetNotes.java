package io.seatwise.passwordsheets;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;

/**
 * What the confirmation page shows beside a password sheet's lines: each new user's license outcome, kept in the
 * session of the agent who created them (the sheet itself holds only names and passwords). Add user and Import
 * users write them, the sheet's page reads them.
 */
public final class SheetNotes implements Serializable {

    /** One new user's license outcome, already in words; {@code failures} empty when all were given. */
    public record Line(String userPrincipalName, boolean requested, List<String> failures) implements Serializable {
    }

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String ATTRIBUTE = SheetNotes.class.getName();

    private final Map<UUID, List<Line>> lines = new ConcurrentHashMap<>();
    private final Map<UUID, String> summaries = new ConcurrentHashMap<>();

    /**
     * This session's notes. Set again on every use: the session lives in the database, which stores an attribute
     * only when it is set, so notes added to an existing object would otherwise be lost at the end of the request.
     */
    public static SheetNotes of(HttpSession session) {
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            SheetNotes notes = (SheetNotes) session.getAttribute(ATTRIBUTE);
            if (notes == null) {
                notes = new SheetNotes();
            }
            session.setAttribute(ATTRIBUTE, notes);
            return notes;
        }
    }

    public void add(UUID sheet, Line line) {
        lines.computeIfAbsent(sheet, s -> new ArrayList<>()).add(line);
    }

    public List<Line> lines(UUID sheet) {
        return List.copyOf(lines.getOrDefault(sheet, List.of()));
    }

    /** A sheet's licenses in one sentence (an import's), or null. */
    public void summary(UUID sheet, String text) {
        summaries.put(sheet, text);
    }

    public String summary(UUID sheet) {
        return summaries.get(sheet);
    }
}
