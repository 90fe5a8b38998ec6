package io.seatwise.users;

import java.util.Locale;

import io.seatwise.catalog.SkuId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.modulith.NamedInterface;

/**
 * The users list's filters (product.md) and a text search, case-insensitive, for users whose display name, first
 * name, last name or user name starts with the text; also "every user that matches" for licensing. DELETED lists
 * deleted users; every other filter only users that are not deleted.
 *
 * <p>One meaning for every caller: {@code licensed} with a product is {@link Type#HAS_PRODUCT} and {@code unlicensed}
 * with one is {@link Type#LACKS_PRODUCT}, whoever builds the filter (the console's list and selection, the users
 * API, the licensing API, a stored job); a product given with a filter that takes none is dropped, as the console's
 * form sends its product choice with every filter. {@link UserFilterSql} is the SQL of that meaning.
 */
@NamedInterface("api")
public record UserFilter(Type type, SkuId skuId, String search) {

    /** Which users. */
    @NamedInterface("api")
    public enum Type { ALL, LICENSED, UNLICENSED, HAS_PRODUCT, LACKS_PRODUCT, ADMINS, BLOCKED, DELETED }

    public static final UserFilter ALL_USERS = new UserFilter(Type.ALL, null, null);

    public UserFilter {
        type = type == null ? Type.ALL : type;
        if (skuId != null) {
            type = type == Type.LICENSED ? Type.HAS_PRODUCT : type == Type.UNLICENSED ? Type.LACKS_PRODUCT : type;
            skuId = type == Type.HAS_PRODUCT || type == Type.LACKS_PRODUCT ? skuId : null;
        }
        if ((type == Type.HAS_PRODUCT || type == Type.LACKS_PRODUCT) && skuId == null) {
            throw DomainException.invalid("validation", "filter.skuId", "filter " + type + " needs a skuId");
        }
        search = search == null || search.isBlank() ? null : search.strip();
    }

    /**
     * The filter named by the words every caller takes: {@code type} one of all, licensed, unlicensed, hasProduct,
     * lacksProduct, admins, blocked, deleted (blank is all); {@code sku} a product id or blank; {@code search} the
     * text names start with. A malformed product id is a validation error on {@code skuField}.
     */
    public static UserFilter parse(String type, String sku, String search, String skuField) {
        SkuId product = sku == null || sku.isBlank() ? null : new SkuId(Ids.parseField(sku, skuField));
        return new UserFilter(type(type), product, search);
    }

    /** {@link #parse(String, String, String, String)} with the product in a parameter named {@code sku}. */
    public static UserFilter parse(String type, String sku, String search) {
        return parse(type, sku, search, "sku");
    }

    private static Type type(String text) {
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
