package io.switchboard.deploy;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Switchboard the way a user does, {@code java -jar deploy/target/switchboard.jar}, in a child
 * process with a clean {@code SWITCHBOARD_*} environment, and lets a test read its output, call its
 * HTTP port and send it signals. Closing it kills the process if it still runs.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern READY =
      Pattern.compile("Switchboard is ready: open http://[^:]+:(\\d+)/");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
    drain(process.getInputStream(), stdout);
    drain(process.getErrorStream(), stderr);
  }

  /** Starts the runnable jar with these settings as environment variables and these arguments. */
  public static ServerProcess start(
      Path workingDirectory, Map<String, String> environment, String... args) throws IOException {
    return start(workingDirectory, List.of("-Xmx512m"), environment, args);
  }

  /** Starts the runnable jar with these JVM options (benchmarks size the heap themselves). */
  public static ServerProcess start(
      Path workingDirectory,
      List<String> jvmOptions,
      Map<String, String> environment,
      String... args)
      throws IOException {
    Path jar = Path.of("target", "switchboard.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `package`");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
    builder.environment().putAll(environment);
    return new ServerProcess(builder.start());
  }

  /** The process id (for {@code jcmd}). */
  public long pid() {
    return process.pid();
  }

  /** Waits for the start-up line and returns the HTTP port it names. */
  public int awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Matcher> ready = findLine(READY);
      if (ready.isPresent()) {
        return Integer.parseInt(ready.get().group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "server exited with " + process.exitValue() + " before ready:\n" + output());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("server not ready within " + timeout + ":\n" + output());
  }

  /** The first output line matching the pattern, if one was printed. */
  public synchronized Optional<Matcher> findLine(Pattern pattern) {
    for (String line : stdout) {
      // JSON log lines escape slashes; match them as the text they stand for.
      Matcher matcher = pattern.matcher(line.replace("\\/", "/"));
      if (matcher.find()) {
        return Optional.of(matcher);
      }
    }
    return Optional.empty();
  }

  /** GET on the server, as a plain HTTP client. */
  public static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return send(port, "GET", path);
  }

  /** GET on the server without waiting for the answer. */
  public static CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Any method on the server, with no body. */
  public static HttpResponse<String> send(int port, String method, String path)
      throws IOException, InterruptedException {
    return sendJson(port, method, path, null, null);
  }

  /** Any method with a JSON body (or none) and an optional bearer token. */
  public static HttpResponse<String> sendJson(
      int port, String method, String path, String bearer, String json)
      throws IOException, InterruptedException {
    return sendBody(port, method, path, bearer, "application/json", json);
  }

  /** Any method with a body of {@code contentType} (or none) and an optional bearer token. */
  public static HttpResponse<String> sendBody(
      int port, String method, String path, String bearer, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", contentType);
    }
    if (bearer != null) {
      request.header("authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in over {@code POST /api/v1/auth/login} and returns the token; a refusal fails. */
  public static String login(int port, String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> login =
        sendJson(
            port,
            "POST",
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", username).put("password", password).encode());
    if (login.statusCode() != 200) {
      throw new AssertionError("login of " + username + " answered " + login.body());
    }
    return new JsonObject(login.body()).getString("token");
  }

  /**
   * Sends SIGTERM, as a service manager does. Through the process handle: {@code Process.destroy}
   * would also close our ends of its output pipes, and its last lines would be lost.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the process to exit and returns its exit code, or empty if it did not in time. */
  public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(5));
    }
    return Optional.of(process.exitValue());
  }

  /** Everything the process printed on stdout so far. */
  public synchronized List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  /** Everything the process printed on stderr so far. */
  public synchronized List<String> stderrLines() {
    return List.copyOf(stderr);
  }

  /** Everything the process printed so far, for failure messages. */
  public synchronized String output() {
    return "--- stdout\n"
        + String.join("\n", stdout)
        + "\n--- stderr\n"
        + String.join("\n", stderr);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void drain(InputStream stream, List<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (this) {
                    lines.add(line);
                  }
                }
              } catch (IOException closed) {
                // the process ended
              }
            },
            "server-output");
    reader.setDaemon(true);
    readers.add(reader);
    reader.start();
  }
}
