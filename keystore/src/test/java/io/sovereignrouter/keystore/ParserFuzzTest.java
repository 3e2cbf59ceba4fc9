package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.keystore.internal.EntryCodec;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random-input checks of every parser in the module (a stand-in for a coverage-guided fuzz
 * target): inputs are mutations of valid texts; a parser either accepts and round-trips, or throws
 * {@link SecretRefFormatException}, never anything else.
 */
class ParserFuzzTest {
  private static final String ALPHABET = "abcAZ09:#/._-+= \n\r\t\u0000é";
  private static final int ROUNDS = 20_000;

  private static String mutate(SplittableRandom rnd, String seed) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + rnd.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int pos = sb.isEmpty() ? 0 : rnd.nextInt(sb.length() + 1);
      char c = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
      switch (rnd.nextInt(3)) {
        case 0 -> sb.insert(pos, c);
        case 1 -> {
          if (pos < sb.length()) {
            sb.deleteCharAt(pos);
          }
        }
        default -> {
          if (pos < sb.length()) {
            sb.setCharAt(pos, c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static int fuzz(long seed, String[] seeds, Consumer<String> parser) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int accepted = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutate(rnd, seeds[rnd.nextInt(seeds.length)]);
      try {
        parser.accept(input);
        accepted++;
      } catch (SecretRefFormatException expected) {
        // rejected cleanly
      }
    }
    return accepted;
  }

  @Test
  void secretRef_acceptsOnlyRoundTrippingTexts() {
    String[] seeds = {
      "file:openai",
      "env:OPENAI_KEY",
      "openai-prod",
      "aws-kms:alias/k#AQIDBA",
      "gcp-kms:projects/p/locations/l/keyRings/r/cryptoKeys/k#AQIDBA"
    };
    int accepted =
        fuzz(
            7,
            seeds,
            s ->
                assertThat(SecretRef.format(SecretRef.parse(s)))
                    .as("round trip of %s", s)
                    .isEqualTo(s));
    assertThat(accepted).isBetween(1, ROUNDS - 1);
  }

  @Test
  void kekSpec_acceptsOnlyRoundTrippingTexts() {
    String[] seeds = {
      "env",
      "file:/etc/kek",
      "aws-kms:alias/k",
      "gcp-kms:projects/p/locations/l/keyRings/r/cryptoKeys/k"
    };
    int accepted = fuzz(11, seeds, s -> assertThat(KekSpec.format(KekSpec.parse(s))).isEqualTo(s));
    assertThat(accepted).isBetween(1, ROUNDS - 1);
  }

  @Test
  void kekManifest_acceptsOnlyRoundTrippingTexts() {
    String[] seeds = {
      "",
      "local:0a1b2c3d4e5f env\n",
      "local:0a1b2c3d4e5f file:/etc/kek\naws-kms:alias/k aws-kms:alias/k\n",
      "gcp-kms:projects/p/locations/l/keyRings/r/cryptoKeys/k"
          + " gcp-kms:projects/p/locations/l/keyRings/r/cryptoKeys/k\n"
    };
    int accepted =
        fuzz(13, seeds, s -> assertThat(KekManifest.format(KekManifest.parse(s))).isEqualTo(s));
    assertThat(accepted).isBetween(1, ROUNDS - 1);
  }

  @Test
  void entryCodec_acceptsOnlyCanonicalEntries() {
    String[] seeds = {
      "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek AQID\nct BAUG\n"
    };
    int accepted =
        fuzz(
            13,
            seeds,
            s -> {
              byte[] b = s.getBytes(StandardCharsets.UTF_8);
              assertThat(EntryCodec.format(EntryCodec.parse(b))).isEqualTo(b);
            });
    assertThat(accepted).isBetween(1, ROUNDS - 1);
  }

  @Test
  void fingerprint_acceptsOnlyTwelveLowercaseHex() {
    int accepted =
        fuzz(
            17,
            new String[] {"0123456789ab"},
            s -> assertThat(Fingerprint.parse(s).hex()).isEqualTo(s));
    assertThat(accepted).isBetween(1, ROUNDS - 1);
  }
}
