package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.internal.TileCodec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser, fed seeded random mutations of a valid input, either accepts it (and then
 * re-formats it to the same bytes) or throws {@link FormatException}; nothing else escapes. A
 * stand-in for the fuzz targets STYLE §6 asks for before 1.0.
 */
class ParserRobustnessTest {
  private static final Ed25519Signer KEY =
      Ed25519Signer.generate("p.example/log", new SecureRandom());

  static Stream<Arguments> parsers() {
    byte[] note = Checkpoints.sign(Checkpoint.of(KEY.name(), 12, Hash.EMPTY), KEY).bytes();
    byte[] envelope = Envelopes.format(Statements.sign(DsseTest.statement(), KEY));
    byte[] bundle =
        TileCodec.encodeEntries(List.of(new byte[] {1, 2, 3}, new byte[0], new byte[300]));
    return Stream.of(
        Arguments.of(
            "Note.parse",
            note,
            (Consumer<byte[]>)
                b -> {
                  Note n = Note.parse(b);
                  assertThat(n.format().getBytes(StandardCharsets.UTF_8)).isEqualTo(b);
                }),
        Arguments.of(
            "Checkpoint.parse",
            "o\n12\n" + Hash.EMPTY.format() + "\next\n",
            (Consumer<byte[]>)
                b -> {
                  String s = new String(b, StandardCharsets.UTF_8);
                  assertThat(Checkpoint.parse(s).format()).isEqualTo(s);
                }),
        Arguments.of(
            "TilePath.parse",
            "tile/entries/x001/x234/067.p/8",
            (Consumer<byte[]>)
                b -> {
                  String s = new String(b, StandardCharsets.UTF_8);
                  assertThat(TilePath.parse(s).format()).isEqualTo(s);
                }),
        Arguments.of(
            "NoteVerifierKey.parse",
            KEY.verifierKey().format(),
            (Consumer<byte[]>)
                b -> {
                  String s = new String(b, StandardCharsets.UTF_8);
                  assertThat(NoteVerifierKey.parse(s).format()).isEqualTo(s);
                }),
        Arguments.of(
            "Envelopes.parse",
            envelope,
            (Consumer<byte[]>) b -> assertThat(Envelopes.format(Envelopes.parse(b))).isEqualTo(b)),
        Arguments.of(
            "Statements.parse",
            Statements.format(DsseTest.statement()),
            (Consumer<byte[]>)
                b -> assertThat(Statements.format(Statements.parse(b))).isEqualTo(b)),
        Arguments.of(
            "TileCodec.decodeEntries",
            bundle,
            (Consumer<byte[]>)
                b ->
                    assertThat(TileCodec.encodeEntries(TileCodec.decodeEntries(b, 3)))
                        .isEqualTo(b)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void parse_mutationsAcceptCanonicalOrThrowFormatException(
      String name, Object valid, Consumer<byte[]> parse) {
    byte[] good = valid instanceof byte[] b ? b : ((String) valid).getBytes(StandardCharsets.UTF_8);
    parse.accept(good);
    Random random = new Random(name.hashCode());
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] bad = mutate(good, random);
      try {
        parse.accept(bad);
      } catch (FormatException e) {
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
  }

  private static byte[] mutate(byte[] in, Random random) {
    byte[] out = in.clone();
    switch (random.nextInt(4)) {
      case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
      case 2 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length));
      default -> {
        out = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(4));
        for (int i = in.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
      }
    }
    return out;
  }
}
