package io.switchboard.agentws.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.web.ConsoleWebServer.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's pages and modules as a browser gets them from the server: every file they refer to
 * is served, every imported name exists, both dictionaries hold the same keys and every text the
 * pages show comes from them, and every form control has a label. (There is no JavaScript test
 * runner in the build; the browser test exercises the behaviour.)
 */
@ExtendWith(VertxExtension.class)
class ConsolePagesIT {

  private static final String BASE = "http://console.test";
  private static final List<String> LANGUAGES = List.of("zh", "en");

  private ConsoleWebServer server;
  private Map<String, String> sources;

  @BeforeEach
  void start(Vertx vertx) {
    server = ConsoleWebServer.start(vertx);
    sources = new LinkedHashMap<>();
    for (String file : ConsoleFiles.all().keySet()) {
      Reply reply = server.get(ConsoleWebRoutes.PATH + "/" + file);
      assertThat(reply.status()).as(file).isEqualTo(200);
      sources.put(file, reply.text());
    }
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Map<String, String> withExtension(String extension) {
    Map<String, String> found = new LinkedHashMap<>();
    sources.forEach(
        (file, text) -> {
          if (file.endsWith("." + extension)) {
            found.put(file, text);
          }
        });
    return found;
  }

  /** The path below the console that reference resolves to from file, or null if elsewhere. */
  private static String resolve(String file, String reference) {
    URI resolved = URI.create(BASE + ConsoleWebRoutes.PATH + "/" + file).resolve(reference);
    String prefix = BASE + ConsoleWebRoutes.PATH + "/";
    String target = resolved.toString();
    return target.startsWith(prefix) ? target.substring(prefix.length()) : null;
  }

  @Test
  void everyFileThePagesAndModulesReferToIsServed() {
    List<String> checked = new ArrayList<>();
    Map<String, List<String>> references = new LinkedHashMap<>();
    withExtension("html")
        .forEach((file, html) -> references.put(file, ConsoleSourceScanner.htmlReferences(html)));
    withExtension("js")
        .forEach((file, js) -> references.put(file, ConsoleSourceScanner.jsReferences(js)));
    references.forEach(
        (file, found) -> {
          for (String reference : found) {
            assertThat(reference)
                .as(
                    "%s refers to %s: only relative references work under any mount",
                    file, reference)
                .doesNotContain(":")
                .doesNotStartWith("/");
            if (file.endsWith(".js")) {
              assertThat(reference)
                  .as("%s: a module specifier must start with ./ or ../", file)
                  .matches("\\.\\.?/.*");
            }
            String target = resolve(file, reference);
            assertThat(target).as("%s refers outside the console: %s", file, reference).isNotNull();
            Reply reply = server.get(ConsoleWebRoutes.PATH + "/" + target);
            assertThat(reply.status()).as("%s refers to %s", file, reference).isEqualTo(200);
            checked.add(target);
          }
        });
    assertThat(checked)
        .contains("css/console.css", "js/login-page.js", "js/agent-page.js", "i18n/zh.json");
    // Every module is reachable from a page (no dead files).
    Set<String> unreferenced = new TreeSet<>(sources.keySet());
    unreferenced.removeAll(checked);
    assertThat(unreferenced).isEmpty();
  }

  @Test
  void everyNameAModuleImportsIsExportedByTheModuleItComesFrom() {
    Map<String, String> modules = withExtension("js");
    modules.forEach(
        (file, js) ->
            ConsoleSourceScanner.imports(js)
                .forEach(
                    (specifier, names) -> {
                      String target = resolve(file, specifier);
                      assertThat(modules).as("%s imports %s", file, specifier).containsKey(target);
                      assertThat(ConsoleSourceScanner.exports(modules.get(target)))
                          .as("%s imports from %s", file, specifier)
                          .containsAll(names);
                    }));
  }

  @Test
  void bothDictionariesHoldTheSameKeysWithTheSamePlaceholders() {
    JsonObject zh = dictionary("zh");
    JsonObject en = dictionary("en");

    assertThat(new TreeSet<>(zh.fieldNames())).isEqualTo(new TreeSet<>(en.fieldNames()));
    for (String key : en.fieldNames()) {
      for (JsonObject dictionary : List.of(zh, en)) {
        assertThat(dictionary.getValue(key)).as(key).isInstanceOf(String.class);
        assertThat(dictionary.getString(key)).as(key).isNotBlank();
      }
      assertThat(ConsoleSourceScanner.placeholders(zh.getString(key)))
          .as("placeholders of %s", key)
          .isEqualTo(ConsoleSourceScanner.placeholders(en.getString(key)));
    }
  }

  @Test
  void everyKeyThePagesAndModulesUseIsInBothDictionariesAndEveryEntryIsUsed() {
    Set<String> namespaces = new TreeSet<>();
    dictionary("en")
        .fieldNames()
        .forEach(key -> namespaces.add(key.substring(0, key.indexOf('.'))));
    Map<String, Set<String>> usedBy = new LinkedHashMap<>();
    withExtension("html")
        .forEach((file, html) -> usedBy.put(file, ConsoleSourceScanner.htmlKeys(html)));
    withExtension("js")
        .forEach((file, js) -> usedBy.put(file, ConsoleSourceScanner.jsKeys(js, namespaces)));

    Set<String> used = new LinkedHashSet<>();
    for (String language : LANGUAGES) {
      Set<String> keys = dictionary(language).fieldNames();
      usedBy.forEach(
          (file, fileKeys) -> {
            assertThat(keys).as("keys %s uses, in %s.json", file, language).containsAll(fileKeys);
            used.addAll(fileKeys);
          });
    }
    assertThat(used).as("keys in use").hasSizeGreaterThan(100);
    assertThat(new TreeSet<>(dictionary("en").fieldNames()))
        .as("dictionary entries nothing uses")
        .isSubsetOf(used);
  }

  @Test
  void thePagesShowNoTextOfTheirOwnOnlyTextNamedByAKey() {
    withExtension("html")
        .forEach(
            (file, html) ->
                assertThat(ConsoleSourceScanner.ownText(html))
                    .as("text written into %s", file)
                    .isEmpty());
  }

  @Test
  void everyFormControlHasALabelIdsAreUniqueAndScriptsAreExternalModules() {
    withExtension("html")
        .forEach(
            (file, html) -> {
              assertThat(ConsoleSourceScanner.unlabelledControls(html)).as(file).isEmpty();
              assertThat(ConsoleSourceScanner.duplicateIds(html)).as(file).isEmpty();
              assertThat(ConsoleSourceScanner.scriptsThatAreNotExternalModules(html))
                  .as(file)
                  .isEmpty();
            });
  }

  private JsonObject dictionary(String language) {
    return new JsonObject(sources.get("i18n/" + language + ".json"));
  }
}
