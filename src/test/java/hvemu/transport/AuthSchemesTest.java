package hvemu.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code --auth} list, WinRM's Auth/Basic and Auth/Negotiate, and the challenges each offers. */
class AuthSchemesTest {
    @Test
    void readsSchemeListsCaseInsensitively() {
        assertThat(AuthSchemes.parse("basic,negotiate")).isEqualTo(AuthSchemes.DEFAULT);
        assertThat(AuthSchemes.parse(" Negotiate ")).isEqualTo(new AuthSchemes(false, true));
        assertThat(AuthSchemes.parse("BASIC")).isEqualTo(new AuthSchemes(true, false));
    }

    @Test
    void refusesUnknownSchemesAndNone() {
        assertThatThrownBy(() -> AuthSchemes.parse("kerberos")).hasMessageContaining("unknown authentication scheme 'kerberos'");
        assertThatThrownBy(() -> AuthSchemes.parse(",")).hasMessageContaining("no authentication scheme");
    }

    @Test
    void offersNegotiateFirstAndBasicOnlyWhereItMayBeUsed() {
        assertThat(AuthSchemes.DEFAULT.challenges(true)).containsExactly("Negotiate", "Basic realm=\"WSMAN\"");
        assertThat(AuthSchemes.DEFAULT.challenges(false)).containsExactly("Negotiate");
        assertThat(new AuthSchemes(true, false).challenges(false)).isEmpty();
    }
}
