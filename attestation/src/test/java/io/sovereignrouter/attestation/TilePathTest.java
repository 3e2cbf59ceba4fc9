package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TilePathTest {
  @ParameterizedTest
  @CsvSource({
    "tile/0/000, 0, 0, 256",
    "tile/0/x001/x234/067, 0, 1234067, 256", // C2SP tlog-tiles example index
    "tile/1/005.p/17, 1, 5, 17",
    "tile/63/999.p/255, 63, 999, 255",
    "tile/2/x001/000.p/1, 2, 1000, 1",
  })
  void parse_hashTileRoundTrip(String text, int level, long index, int width) {
    TilePath p = TilePath.parse(text);
    assertThat(p).isEqualTo(new TilePath.Hashes(level, index, width));
    assertThat(p.format()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "tile/entries/000.p/1, 0, 1",
    "tile/entries/x001/x234/067.p/8, 1234067, 8",
    "tile/entries/x999/999, 999999, 256",
  })
  void parse_entriesRoundTrip(String text, long index, int width) {
    TilePath p = TilePath.parse(text);
    assertThat(p).isEqualTo(new TilePath.Entries(index, width));
    assertThat(p.format()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "tile/0/000, 256, true",
    "tile/0/000, 255, false",
    "tile/0/000.p/255, 255, true",
    "tile/0/000.p/254, 255, false",
    "tile/0/001.p/44, 300, true",
    "tile/0/001, 300, false",
    "tile/1/000.p/1, 300, true",
    "tile/1/000.p/1, 511, true",
    "tile/1/000.p/1, 512, false",
    "tile/1/000.p/2, 512, true",
    "tile/entries/001.p/44, 300, true",
    "tile/entries/001.p/45, 300, false",
    "tile/entries/000, 300, true",
  })
  void coveredBy_onlyResourcesOfThatTree(String path, long size, boolean want) {
    assertThat(TilePath.parse(path).coveredBy(size)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource({
    "tile/0/000.p/7, 300, true",
    "tile/0/001.p/44, 300, true",
    "tile/0/001.p/45, 300, false",
    "tile/0/001, 300, false",
    "tile/1/000.p/1, 300, true",
    "tile/1/000.p/2, 300, false",
    "tile/entries/001.p/3, 300, true",
  })
  void within_resourcesOfEveryTreeUpToSize(String path, long size, boolean want) {
    assertThat(TilePath.parse(path).within(size)).isEqualTo(want);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tile/0/1234",
        "tile/0/01",
        "tile/0/001/002",
        "tile/0/x001",
        "tile/0/x000/001",
        "tile/00/000",
        "tile/64/000",
        "tile/0/000.p/0",
        "tile/0/000.p/256",
        "tile/0/000.p/017",
        "tile/0/000/",
        "tile/0/000.p/",
        "tile//000",
        "tile/entries/000.p/1/",
        "tiles/0/000",
        "tile/-1/000",
        "tile/0/x1a2/000",
      })
  void parse_rejectsNonCanonical(String text) {
    assertThatThrownBy(() -> TilePath.parse(text)).isInstanceOf(FormatException.class);
  }
}
