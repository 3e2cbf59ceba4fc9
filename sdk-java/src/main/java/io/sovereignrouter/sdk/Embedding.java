package io.sovereignrouter.sdk;

import java.util.Arrays;

/**
 * One embedding vector (decoded from {@code float} or {@code base64} encoding).
 *
 * @param index position of its input
 * @param vector the vector (copied in and out)
 */
public record Embedding(int index, float[] vector) {
  /** Copies. */
  public Embedding {
    vector = vector.clone();
  }

  /**
   * The vector.
   *
   * @return a copy
   */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  /**
   * The number of dimensions.
   *
   * @return the vector length
   */
  public int dimensions() {
    return vector.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && e.index == index && Arrays.equals(e.vector, vector);
  }

  @Override
  public int hashCode() {
    return index * 31 + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Embedding[index=" + index + ", dimensions=" + vector.length + "]";
  }
}
