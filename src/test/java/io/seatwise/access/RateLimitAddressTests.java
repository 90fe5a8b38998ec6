package io.seatwise.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which source address a request counts against before sign-in. */
class RateLimitAddressTests {

    static String addressOf(String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        return RateLimitFilter.address(request);
    }

    @Test
    void anIpv4AddressCountsAsItself() {
        assertThat(addressOf("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(addressOf("198.51.100.8")).isNotEqualTo(addressOf("198.51.100.7"));
    }

    @Test
    void ipv6CountsByItsSlash64SoOneSubscriberCannotSpreadAFloodOverItsBlock() {
        assertThat(addressOf("2001:db8:1:2:3:4:5:6")).isEqualTo(addressOf("2001:db8:1:2::9"))
                .isEqualTo(addressOf("2001:0DB8:0001:0002:ffff::1%eth0")).isEqualTo("20010db800010002::/64");
        assertThat(addressOf("2001:db8:1:3::1")).isNotEqualTo(addressOf("2001:db8:1:2::1"));
        assertThat(addressOf("::1")).isEqualTo("0000000000000000::/64");
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsTextAndNeverLookedUp() {
        assertThat(addressOf("evil.example:80")).isEqualTo("evil.example:80");
        assertThat(addressOf("x:" + "y".repeat(300))).hasSize(100);
    }
}
