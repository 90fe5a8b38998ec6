package io.seatwise.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule for text given to Seatwise: what is refused, what is kept, and names in NFC. */
class CleanTextTests {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001bb", "a\rb", "a\nb", "a\tb", "a\u007fb", "a\u0085b", "a\u009bb",
            "a\u202ab", "a\u202eb", "a\u2066b", "a\u2069b", "a\u200eb", "a\u061cb", "a\u200bb", "a\u200cb",
            "a\u200db", "a\u2060b", "a\ufeffb", "a\u2028b", "a\ud800b", "a\udc00b", "a\ud800"})
    void refusesControlBidiZeroWidthAndUnpairedSurrogatesNamingTheField(String text) {
        assertThat(CleanText.isClean(text)).isFalse();
        assertThatThrownBy(() -> CleanText.name(text, "displayName"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.type()).isEqualTo("invalid-characters");
                    assertThat(e.field()).isEqualTo("displayName");
                    assertThat(e.properties()).containsKey("character");
                    assertThat(e.getMessage()).contains("position 2");
                });
    }

    @Test
    void keepsLettersOfEveryScriptEmojiAndPunctuation() {
        for (String name : new String[] {"Åsa Öberg", "Анна", "张伟", "محمد", "שרה", "Zoë 😀", "O'Neil-Smith, Jr.",
                "a\u00a0b"}) {
            assertThat(CleanText.name(name, "displayName")).isEqualTo(name);
        }
    }

    @Test
    void namesAreStrippedAndComposed() {
        assertThat(CleanText.name("  Jose\u0301  ", "firstName")).isEqualTo("Jos\u00e9");
        assertThat(CleanText.name("\t\r\n", "firstName")).isNull();
        assertThat(CleanText.name(null, "firstName")).isNull();
    }

    @Test
    void fileNamesWithNulOrOver255CharactersAreRefused() {
        assertThat(CleanText.fileName("users.csv")).isEqualTo("users.csv");
        assertThat(CleanText.fileName("x".repeat(251) + ".csv")).hasSize(255);
        assertThat(CleanText.fileName(null)).isNull();
        for (String bad : new String[] {"users\u0000.csv", "x".repeat(252) + ".csv", "x".repeat(5000)}) {
            assertThatThrownBy(() -> CleanText.fileName(bad)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.type()).isEqualTo("invalid-file-name");
                assertThat(e.field()).isEqualTo("file");
            });
        }
    }
}
