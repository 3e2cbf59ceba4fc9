package io.sovereignrouter.gateway.provider;

import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests with AWS Signature Version 4 using the AWS SDK v2 signer (never hand-rolled): the
 * returned headers ({@code Authorization}, {@code X-Amz-Date}, and {@code X-Amz-Security-Token} for
 * temporary credentials) go on the Vert.x request.
 */
final class SigV4Signer {
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity identity;
  private final String region;
  private final String service;

  SigV4Signer(
      String accessKeyId,
      String secretAccessKey,
      Optional<String> sessionToken,
      String region,
      String service) {
    this.identity =
        sessionToken
            .<AwsCredentialsIdentity>map(
                t -> AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, t))
            .orElseGet(() -> AwsCredentialsIdentity.create(accessKeyId, secretAccessKey));
    this.region = region;
    this.service = service;
  }

  /**
   * Signs a POST of {@code body} to {@code uri} carrying {@code contentType}.
   *
   * @return the headers to send, signed ones included
   */
  MultiMap signPost(URI uri, String contentType, byte[] body) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", contentType)
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        header.getValue().forEach(v -> out.add(header.getKey(), v));
      }
    }
    return out;
  }
}
