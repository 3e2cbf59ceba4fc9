package io.sovereignrouter.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

  @Test
  void format_parse_roundTrip() {
    ApiKey key = ApiKey.generate(new SecureRandom());
    assertThat(key.format()).startsWith("sk-router-").hasSize(10 + 12 + 1 + 40);
    assertThat(ApiKey.parse(key.format())).contains(key);
  }

  @Test
  void toString_neverShowsSecret() {
    ApiKey key = ApiKey.generate(new SecureRandom());
    assertThat(key.toString()).doesNotContain(key.secret()).contains(key.keyId());
    assertThat(key.fingerprint()).doesNotContain(key.secret());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sk-router-",
        "sk-proj-abcdefghijkl_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn",
        "sk-router-abcdefghijkl-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn",
        "sk-router-ABCDEFGHIJKL_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn",
        "sk-router-abcdefghijkl_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm",
        "sk-router-abcdefghijkl_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmno",
        "sk-router-abcdefghijkl_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl!n",
        "sk-router-abcdefghijk1_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
      })
  void parse_malformed_isEmpty(String token) {
    assertThat(ApiKey.parse(token)).isEmpty();
  }
}
