package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/account", "/cart", "/products/tee?variant=3&x=1", "/t/categories/clothing/shirts",
            "/products?keywords=caf%C3%A9" })
    void localPathsAreKept(String path) {
        assertThat(ReturnPath.safeOrNull(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
            "https://evil.example", "http:/evil", "javascript:alert(1)", "evil.example/x", "/a b", "/\nSet-Cookie:x",
            "/x\u0000", "/{oops}" })
    void anythingElseIsRefused(String path) {
        assertThat(ReturnPath.safeOrNull(path)).isNull();
        assertThat(ReturnPath.orDefault(path)).isEqualTo("/account");
    }
}
