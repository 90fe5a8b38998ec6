package io.seatwise.users;

import io.seatwise.catalog.SkuId;
import io.seatwise.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter words mean one thing whoever reads them. */
class UserFilterTests {

    static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");

    @Test
    void licensedAndUnlicensedWithAProductAreHasAndLacksIt() {
        assertThat(UserFilter.parse("licensed", E3.toString(), null))
                .isEqualTo(new UserFilter(UserFilter.Type.HAS_PRODUCT, E3, null));
        assertThat(UserFilter.parse("Unlicensed", E3.toString(), " ad "))
                .isEqualTo(new UserFilter(UserFilter.Type.LACKS_PRODUCT, E3, "ad"));
        assertThat(new UserFilter(UserFilter.Type.UNLICENSED, E3, null).type())
                .isEqualTo(UserFilter.Type.LACKS_PRODUCT);
    }

    @Test
    void withoutAProductTheyAreAnyLicenseAndNone() {
        assertThat(UserFilter.parse("licensed", "", null).type()).isEqualTo(UserFilter.Type.LICENSED);
        assertThat(UserFilter.parse("unlicensed", null, null).type()).isEqualTo(UserFilter.Type.UNLICENSED);
        assertThat(UserFilter.parse(null, null, null)).isEqualTo(UserFilter.ALL_USERS);
    }

    @Test
    void aProductWithAFilterThatTakesNoneIsDropped() {
        assertThat(UserFilter.parse("admins", E3.toString(), null))
                .isEqualTo(new UserFilter(UserFilter.Type.ADMINS, null, null));
        assertThat(UserFilter.parse("all", E3.toString(), null)).isEqualTo(UserFilter.ALL_USERS);
    }

    @Test
    void badWordsAreProblemsNamingTheField() {
        assertThatThrownBy(() -> UserFilter.parse("friends", null, null)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "filter.type");
        assertThatThrownBy(() -> UserFilter.parse("licensed", "e3", null, "filter.skuId"))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("field", "filter.skuId");
        assertThatThrownBy(() -> UserFilter.parse("hasProduct", null, null)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "filter.skuId");
    }
}
