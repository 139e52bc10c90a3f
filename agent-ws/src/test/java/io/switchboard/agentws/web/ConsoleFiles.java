package io.switchboard.agentws.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The console's files as the build packaged them: from the module's jar (failsafe tests the
 * packaged jar) or from target/classes.
 */
final class ConsoleFiles {

  private ConsoleFiles() {}

  /** Every file below {@code webroot/console} by its path relative to it ('/' separated). */
  static Map<String, byte[]> all() {
    URL folder = ConsoleFiles.class.getClassLoader().getResource(ConsoleWebRoutes.WEB_ROOT);
    if (folder == null) {
      throw new AssertionError(ConsoleWebRoutes.WEB_ROOT + " is not on the classpath");
    }
    try {
      URI uri = folder.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.provider().getPath(uri));
        }
      }
      return read(Path.of(uri));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (URISyntaxException bad) {
      throw new AssertionError(bad);
    }
  }

  private static Map<String, byte[]> read(Path root) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        files.put(relative, Files.readAllBytes(file));
      }
    }
    return files;
  }
}
