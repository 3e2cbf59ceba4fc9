package io.sovereignrouter.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyHasherTest {
  private static final byte[] PEPPER = new byte[32];
  private final ApiKey key = new ApiKey("abcdefghijkl", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn");

  @Test
  void matches_sameKey() {
    KeyHasher hasher = new KeyHasher(PEPPER);
    assertThat(hasher.matches(key, hasher.hash(key))).isTrue();
  }

  @Test
  void matches_otherSecret_false() {
    KeyHasher hasher = new KeyHasher(PEPPER);
    ApiKey other = new ApiKey("abcdefghijkl", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmo");
    assertThat(hasher.matches(other, hasher.hash(key))).isFalse();
  }

  @Test
  void hash_bindsKeyId() {
    KeyHasher hasher = new KeyHasher(PEPPER);
    ApiKey moved = new ApiKey("bbcdefghijkl", key.secret());
    assertThat(hasher.hash(moved)).isNotEqualTo(hasher.hash(key));
  }

  @Test
  void hash_dependsOnPepper() {
    byte[] other = new byte[32];
    Arrays.fill(other, (byte) 1);
    assertThat(new KeyHasher(other).hash(key)).isNotEqualTo(new KeyHasher(PEPPER).hash(key));
  }

  @Test
  void hash_isKnownHmac() {
    // Independent check: python3 -c "import hmac,hashlib; print(hmac.new(bytes(32),
    //   b'abcdefghijkl\0ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn', hashlib.sha256).hexdigest())"
    assertThat(new KeyHasher(PEPPER).hash(key))
        .isEqualTo("9befc37e66b75fbe3d98ee93725565f872ee1eb8b704ec06ef899f63fd982fd4");
  }

  @Test
  void constructor_shortPepper_rejected() {
    assertThatThrownBy(() -> new KeyHasher(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
