package io.switchboard.agentws.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the console's HTML and JavaScript the way the checks need: references to other files,
 * imported and exported names, dictionary keys, text and labels. Regular expressions over the
 * console's own, regularly written files (double-quoted strings, one attribute syntax), not a
 * general parser. Pure.
 */
final class ConsoleSourceScanner {

  private static final Pattern HTML_REFERENCE = Pattern.compile("\\s(?:src|href)=\"([^\"]*)\"");
  private static final Pattern JS_REFERENCE =
      Pattern.compile(
          "(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)\"([^\"]+)\""
              + "|new URL\\(\\s*\"([^\"]+)\"\\s*,\\s*import\\.meta\\.url\\s*\\)");
  private static final Pattern NAMED_IMPORT =
      Pattern.compile("\\bimport\\s*\\{([^}]*)\\}\\s*from\\s*\"([^\"]+)\"");
  private static final Pattern DEFAULT_IMPORT =
      Pattern.compile("\\bimport\\s+([A-Za-z_$][\\w$]*)\\s*(?:,|from)");
  private static final Pattern EXPORT =
      Pattern.compile(
          "\\bexport\\s+(?:async\\s+)?(?:function\\*?|class|const|let|var)\\s+([A-Za-z_$][\\w$]*)");
  private static final Pattern HTML_KEY =
      Pattern.compile("\\sdata-i18n(?:-placeholder|-aria-label|-title)?=\"([^\"]*)\"");
  private static final Pattern KEY_SHAPED_LITERAL =
      Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern LITERAL_TEXT_ATTRIBUTE =
      Pattern.compile("\\s(placeholder|title|aria-label|alt)=\"([^\"]*)\"");
  private static final Pattern CONTROL =
      Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
  private static final Pattern TYPE = Pattern.compile("\\stype=\"([^\"]+)\"");
  private static final Pattern SCRIPT =
      Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

  private ConsoleSourceScanner() {}

  /** The src and href values of a page. */
  static List<String> htmlReferences(String html) {
    return all(HTML_REFERENCE, html, 1);
  }

  /** Module specifiers (static and dynamic imports) and {@code new URL("..", import.meta.url)}. */
  static List<String> jsReferences(String js) {
    List<String> references = new ArrayList<>();
    Matcher matcher = JS_REFERENCE.matcher(js);
    while (matcher.find()) {
      references.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
    return references;
  }

  /** Specifier -> the names a module imports from it ({@code default} for a default import). */
  static Map<String, Set<String>> imports(String js) {
    Map<String, Set<String>> imports = new LinkedHashMap<>();
    Matcher named = NAMED_IMPORT.matcher(js);
    while (named.find()) {
      Set<String> names =
          imports.computeIfAbsent(named.group(2), specifier -> new LinkedHashSet<>());
      for (String part : named.group(1).split(",")) {
        String name = part.trim().split("\\s+as\\s+")[0].trim();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    if (DEFAULT_IMPORT.matcher(js).find()) {
      imports
          .computeIfAbsent("(default import)", specifier -> new LinkedHashSet<>())
          .add("default");
    }
    return imports;
  }

  static Set<String> exports(String js) {
    return new LinkedHashSet<>(all(EXPORT, js, 1));
  }

  /** Keys named by data-i18n, data-i18n-placeholder, data-i18n-aria-label, data-i18n-title. */
  static Set<String> htmlKeys(String html) {
    return new LinkedHashSet<>(all(HTML_KEY, html, 1));
  }

  /**
   * String literals of a module shaped like a key ({@code ns.name}) whose first segment is one of
   * the dictionaries' namespaces: the keys the module uses. The console names keys only as such
   * literals (README, "Web console").
   */
  static Set<String> jsKeys(String js, Set<String> namespaces) {
    Set<String> keys = new LinkedHashSet<>();
    for (String literal : all(KEY_SHAPED_LITERAL, js, 1)) {
      if (namespaces.contains(literal.substring(0, literal.indexOf('.')))) {
        keys.add(literal);
      }
    }
    return keys;
  }

  static Set<String> placeholders(String text) {
    return new LinkedHashSet<>(all(PLACEHOLDER, text, 1));
  }

  /** Text between tags and text attributes written into the page instead of named by a key. */
  static List<String> ownText(String html) {
    String markup = COMMENT.matcher(html).replaceAll("");
    List<String> found = new ArrayList<>();
    for (String text : all(TEXT_NODE, markup, 1)) {
      if (LETTER.matcher(text).find()) {
        found.add(text.strip());
      }
    }
    Matcher attributes = LITERAL_TEXT_ATTRIBUTE.matcher(markup);
    while (attributes.find()) {
      if (LETTER.matcher(attributes.group(2)).find()) {
        found.add(attributes.group(1) + "=\"" + attributes.group(2) + "\"");
      }
    }
    return found;
  }

  /** Inputs, selects and text areas that no label names and that carry no ARIA label. */
  static List<String> unlabelledControls(String html) {
    List<String> unlabelled = new ArrayList<>();
    Matcher controls = CONTROL.matcher(html);
    while (controls.find()) {
      String attributes = controls.group(2);
      Matcher type = TYPE.matcher(attributes);
      if (type.find() && Set.of("hidden", "submit", "button").contains(type.group(1))) {
        continue;
      }
      if (attributes.contains("aria-label")) {
        continue;
      }
      Matcher id = ID.matcher(attributes);
      if (!id.find() || !html.contains("for=\"" + id.group(1) + "\"")) {
        unlabelled.add(controls.group());
      }
    }
    return unlabelled;
  }

  /** Ids given to more than one element. */
  static Set<String> duplicateIds(String html) {
    Map<String, Integer> counts = new HashMap<>();
    all(ID, html, 1).forEach(id -> counts.merge(id, 1, Integer::sum));
    Set<String> duplicates = new LinkedHashSet<>();
    counts.forEach(
        (id, count) -> {
          if (count > 1) {
            duplicates.add(id);
          }
        });
    return duplicates;
  }

  /** Script elements that are not an external module (inline code breaks the CSP). */
  static List<String> scriptsThatAreNotExternalModules(String html) {
    List<String> bad = new ArrayList<>();
    Matcher scripts = SCRIPT.matcher(html);
    while (scripts.find()) {
      String attributes = scripts.group(1);
      if (!attributes.contains("type=\"module\"")
          || !attributes.contains("src=\"")
          || !scripts.group(2).isBlank()) {
        bad.add(scripts.group());
      }
    }
    return bad;
  }

  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    return found;
  }
}
