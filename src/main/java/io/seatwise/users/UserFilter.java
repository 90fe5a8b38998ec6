package io.seatwise.users;

import java.util.Locale;

import io.seatwise.catalog.SkuId;
import io.seatwise.shared.DomainException;

/**
 * The users list's filters (product.md) and a text search, case-insensitive, for users whose display name, first
 * name, last name or user name starts with the text; also "every user that matches" for licensing. DELETED lists
 * deleted users; every other filter only users that are not deleted.
 */
public record UserFilter(Type type, SkuId skuId, String search) {

    /** Which users. */
    public enum Type { ALL, LICENSED, UNLICENSED, HAS_PRODUCT, LACKS_PRODUCT, ADMINS, BLOCKED, DELETED }

    public static final UserFilter ALL_USERS = new UserFilter(Type.ALL, null, null);

    public UserFilter {
        type = type == null ? Type.ALL : type;
        if ((type == Type.HAS_PRODUCT || type == Type.LACKS_PRODUCT) && skuId == null) {
            throw DomainException.invalid("validation", "filter.skuId", "filter " + type + " needs a skuId");
        }
        search = search == null || search.isBlank() ? null : search.strip();
    }

    /** Parses the API's names: all, licensed, unlicensed, hasProduct, lacksProduct, admins, blocked, deleted. */
    public static Type type(String text) {
        if (text == null || text.isBlank()) {
            return Type.ALL;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> Type.ALL;
            case "licensed" -> Type.LICENSED;
            case "unlicensed" -> Type.UNLICENSED;
            case "hasproduct", "has_product" -> Type.HAS_PRODUCT;
            case "lacksproduct", "lacks_product" -> Type.LACKS_PRODUCT;
            case "admins" -> Type.ADMINS;
            case "blocked" -> Type.BLOCKED;
            case "deleted" -> Type.DELETED;
            default -> throw DomainException.invalid("validation", "filter.type", "unknown filter '" + text
                    + "' (all, licensed, unlicensed, hasProduct, lacksProduct, admins, blocked, deleted)");
        };
    }
}
