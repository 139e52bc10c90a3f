package io.switchboard.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs {@code promtool check metrics} (from the Prometheus distribution) on an exposition and keeps
 * its errors apart from its lint warnings. Blocking; thread-safe.
 */
final class Promtool {

  /** promtool's exit code when it found lint warnings only. */
  private static final int LINT_ONLY_EXIT = 3;

  private static final long TIMEOUT_SECONDS = 30;

  /** A lint warning is printed as "metric_name text"; errors start with "error while linting". */
  private static final Pattern LINT_WARNING = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]* \\S.*");

  private final Path executable;

  private Promtool(Path executable) {
    this.executable = executable;
  }

  /** The promtool on the PATH, if there is an executable one. */
  static Optional<Promtool> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, "promtool");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new Promtool(candidate));
      }
    }
    return Optional.empty();
  }

  /** promtool's error lines for this exposition, or empty when it found no errors. */
  Optional<String> checkMetrics(String exposition) {
    try {
      Process process =
          new ProcessBuilder(executable.toString(), "check", "metrics")
              .redirectErrorStream(true)
              .start();
      CompletableFuture<String> output =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // promtool stops reading at the first parse error; its output says which
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.of("promtool did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return errors(process.exitValue(), output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (IOException failed) {
      return Optional.of("could not run " + executable + ": " + failed.getMessage());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while promtool ran");
    } catch (ExecutionException | TimeoutException unreadable) {
      return Optional.of("could not read promtool's output: " + unreadable.getMessage());
    }
  }

  private static Optional<String> errors(int exit, String output) {
    if (exit == 0) {
      return Optional.empty();
    }
    List<String> errors = new ArrayList<>();
    for (String line : output.split("\n")) {
      boolean lint = LINT_WARNING.matcher(line).matches() && !line.startsWith("error");
      if (!line.isBlank() && !lint) {
        errors.add(line.strip());
      }
    }
    if (errors.isEmpty() && exit != LINT_ONLY_EXIT) {
      errors.add("promtool exited with " + exit + " and said nothing");
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", errors));
  }

  private static String readAll(InputStream input) {
    try (input) {
      return new String(input.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
