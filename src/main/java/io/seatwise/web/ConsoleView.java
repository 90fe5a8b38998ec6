package io.seatwise.web;

import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.seatwise.shared.CurrentActor;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every template needs besides its own model, as the bean {@code @console}: the signed-in agent or customer
 * user and its permissions, links that keep the current page, dates and countries in the request's language. A
 * bean rather than model attributes, so error pages and exception views (which get no model of their controller)
 * have it too.
 */
@Component("console")
public class ConsoleView {

    /** A language the console speaks, named in itself. */
    public record Language(String code, String name, Locale locale) {
    }

    /** An ISO 3166 country code with its name in the request's language. */
    public record Country(String code, String name) {
    }

    private static final String CHANGE_REQUIRED = "password:change-required";
    private static final List<Language> LANGUAGES = List.of(
            new Language("en", "English", Locale.ENGLISH),
            new Language("fr", "Français", Locale.FRENCH),
            new Language("ru", "Русский", Locale.forLanguageTag("ru")),
            new Language("zh_CN", "简体中文", Locale.SIMPLIFIED_CHINESE),
            new Language("sv", "Svenska", Locale.forLanguageTag("sv")));

    public boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The signed-in agent's email (its user name), or null. */
    public String email() {
        return signedIn() ? SecurityContextHolder.getContext().getAuthentication().getName() : null;
    }

    /** Whether the signed-in agent holds a permission such as {@code customers:write}. */
    public boolean can(String permission) {
        return signedIn() && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> permission.equals(a.getAuthority()));
    }

    public boolean mustChangePassword() {
        return can(CHANGE_REQUIRED);
    }

    /** A customer's own user (confined to that customer) rather than a partner agent. */
    public boolean customerUser() {
        return CurrentActor.tenant().isPresent();
    }

    /** A customer user that administers nothing: it sees only its own account. */
    public boolean selfService() {
        return customerUser() && !can("users:read");
    }

    /**
     * Where the signed-in person starts: an agent at the customers list, a customer administrator at its users,
     * any other customer user at its own account.
     */
    public String home() {
        return CurrentActor.tenant().map(tenant -> selfService() ? "/account" : "/customers/" + tenant + "/users")
                .orElse("/customers");
    }

    public List<Language> languages() {
        return LANGUAGES;
    }

    /** The language in use, English when the request's locale is none of ours. */
    public Language language() {
        Locale locale = LocaleContextHolder.getLocale();
        return LANGUAGES.stream().filter(l -> l.locale().equals(locale)).findFirst()
                .or(() -> LANGUAGES.stream().filter(l -> l.locale().getLanguage().equals(locale.getLanguage()))
                        .findFirst())
                .orElse(LANGUAGES.get(0));
    }

    /** The current page in another language. */
    public String languageUrl(String code) {
        return current().replaceQueryParam("lang", code).build().toUriString();
    }

    /** The current page with one query parameter replaced (paging links keep the filters). */
    public String url(String name, Object value) {
        return current().replaceQueryParam("lang").replaceQueryParam(name, value).build().toUriString();
    }

    /** The current page of a list at another page number and size, its filters kept. */
    public String pageUrl(int page, int size) {
        return current().replaceQueryParam("lang").replaceQueryParam("after").replaceQueryParam("before")
                .replaceQueryParam("page", page).replaceQueryParam("size", size).build().toUriString();
    }

    /** As {@link #pageUrl(int, int)}, seeking from a row: {@code after} the last of this page, or {@code before}. */
    public String pageUrl(int page, int size, String anchor, Object id) {
        return current().replaceQueryParam("lang").replaceQueryParam("after").replaceQueryParam("before")
                .replaceQueryParam("page", page).replaceQueryParam("size", size).replaceQueryParam(anchor, id)
                .build().toUriString();
    }

    /** Date and time in the request's language and the server's time zone; empty for null. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneId.systemDefault()).format(instant);
    }

    /** Every ISO 3166 country, named and sorted in the request's language. */
    public List<Country> countries() {
        Locale locale = LocaleContextHolder.getLocale();
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, country(code)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    /** A country's name in the request's language; the code itself when Java does not know it. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isBlank() ? code : name;
    }

    /** Path and query of the page being shown (for an error page: of the request that failed), without context. */
    private static UriComponentsBuilder current() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return UriComponentsBuilder.fromPath("/");
        }
        HttpServletRequest request = servlet.getRequest();
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path.isEmpty() ? "/" : path);
        if (errorUri == null && request.getQueryString() != null) {
            builder.query(request.getQueryString());
        }
        return builder;
    }
}
