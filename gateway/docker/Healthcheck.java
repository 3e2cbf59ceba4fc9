/*
 * Container HEALTHCHECK for images without a shell, curl or wget (distroless): GET one URL on
 * loopback and exit 0 only on HTTP 200. Compiled in the Dockerfile's build stage; not part of the
 * gateway jar. Usage: java -cp /app/healthcheck Healthcheck http://127.0.0.1:8080/readyz
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public final class Healthcheck {
  private Healthcheck() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/readyz";
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        System.err.println("healthcheck: " + url + " answered " + status + ", expected 200");
        System.exit(1);
      }
    } catch (Exception e) {
      System.err.println("healthcheck: " + url + " unreachable: " + e.getClass().getSimpleName());
      System.exit(1);
    }
  }
}
