package io.switchboard.ami.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.AstState;
import org.asteriskjava.util.AstUtil;
import org.asteriskjava.util.ReflectionUtil;

/**
 * Compares our decoded messages with what Asterisk-Java 3.42.2 built from the same bytes. Our
 * headers are turned into what Asterisk-Java is known to do with them, so that only unexplained
 * differences remain. What it is known to do (read from its ManagerReaderImpl, EventBuilderImpl and
 * EventAttributesHelper):
 *
 * <ul>
 *   <li>keys are lower-cased and stripped of anything but {@code [a-z0-9]} to find a bean setter
 *       ({@code Cause-txt} becomes {@code causetxt}; {@code source} and {@code class} are renamed
 *       {@code src} and {@code clazz}); a header without a setter is dropped;
 *   <li>values are trimmed at both ends (we only remove the one space after the colon);
 *   <li>{@code <unknown>}, {@code unknown}, {@code none}, {@code <none>}, {@code n/a} and similar
 *       become null in String properties;
 *   <li>numbers are parsed into Integer/Long/Double (empty is null; unparseable leaves the property
 *       unset); yes/true/1/on... become Boolean;
 *   <li>a repeated key becomes a Map for a Map property ({@code ChanVariable: k=v}), the non-empty
 *       values joined with a newline for a String property, and is lost for a number;
 *   <li>an event whose type has no bean class (a UserEvent without one, SIPRinging...) or whose
 *       {@code Event} header repeats is not delivered at all.
 * </ul>
 *
 * Responses are compared on Asterisk-Java's raw attribute map, and legacy command output on its
 * {@code __result__} line. Test support for the differential test.
 */
final class AsteriskJavaComparison {

  private static final Map<String, Class<?>> EVENT_CLASSES = registeredEventClasses();

  final List<String> droppedEvents = new ArrayList<>();
  final Map<String, Set<String>> droppedHeaders = new TreeMap<>();
  final List<String> differences = new ArrayList<>();
  final Set<String> converted = new TreeSet<>();
  int comparedEvents;
  int comparedResponses;
  int comparedFields;

  static AsteriskJavaComparison of(List<AmiMessage> ours, List<Object> theirs) {
    AsteriskJavaComparison comparison = new AsteriskJavaComparison();
    int next = 0;
    for (AmiMessage message : ours) {
      Class<?> beanClass =
          message.kind() == AmiMessageKind.RESPONSE ? ManagerResponse.class : beanClass(message);
      if (beanClass == null) {
        comparison.droppedEvents.add(message.name());
        continue;
      }
      if (next >= theirs.size()) {
        throw new AssertionError(
            "Asterisk-Java stopped early; ours continues with "
                + message
                + ", last of theirs: "
                + (theirs.isEmpty() ? "none" : theirs.get(theirs.size() - 1)));
      }
      Object built = theirs.get(next++);
      if (!beanClass.isInstance(built)) {
        throw new AssertionError("out of step: ours " + message + ", Asterisk-Java gave " + built);
      }
      if (built instanceof ManagerResponse response) {
        comparison.response(message, response);
      } else {
        comparison.event(message, (ManagerEvent) built);
      }
    }
    if (next != theirs.size()) {
      throw new AssertionError(
          "Asterisk-Java delivered more: " + theirs.subList(next, theirs.size()));
    }
    return comparison;
  }

  /** The bean class Asterisk-Java builds for the message, or null when it drops the message. */
  private static Class<?> beanClass(AmiMessage message) {
    if (message.getAll("Event").size() > 1) {
      return null;
    }
    String type = message.name().toLowerCase(Locale.ENGLISH);
    if (type.equals("userevent")) {
      type += message.get("UserEvent", "").toLowerCase(Locale.ENGLISH);
    }
    return EVENT_CLASSES.get(type);
  }

  private void response(AmiMessage message, ManagerResponse response) {
    comparedResponses++;
    Map<String, Object> expected = new LinkedHashMap<>();
    grouped(message)
        .forEach((key, values) -> expected.put(key, values.size() == 1 ? values.get(0) : values));
    Map<String, Object> actual = new LinkedHashMap<>(response.getAttributes());
    Object result = actual.remove("__result__");
    if (!new TreeMap<>(expected).equals(new TreeMap<>(actual))) {
      differences.add(
          "response " + message.name() + ": ours " + expected + ", Asterisk-Java " + actual);
    }
    String output = message.output();
    boolean noOutputExpected = output == null || (output.isEmpty() && result == null);
    Object expectedResult = noOutputExpected ? null : output + "--END COMMAND--";
    if (!Objects.equals(expectedResult, result)) {
      differences.add("response output: ours " + expectedResult + ", Asterisk-Java " + result);
    }
  }

  private void event(AmiMessage message, ManagerEvent bean) {
    comparedEvents++;
    Class<?> type = bean.getClass();
    Map<String, Method> setters = ReflectionUtil.getSetters(type);
    Map<String, Method> getters = ReflectionUtil.getGetters(type);
    Object fresh = newBean(type);
    for (Map.Entry<String, List<String>> header : grouped(message).entrySet()) {
      if (header.getKey().equals("event")) {
        continue;
      }
      String name = ReflectionUtil.stripIllegalCharacters(header.getKey());
      name = name.equals("source") ? "src" : name.equals("class") ? "clazz" : name;
      Method setter = setters.get(name);
      if (setter == null && !name.endsWith("s")) {
        Method plural = setters.get(name + "s");
        setter =
            plural != null && plural.getParameterTypes()[0].isAssignableFrom(Map.class)
                ? plural
                : null;
      }
      if (setter == null) {
        droppedHeaders
            .computeIfAbsent(type.getSimpleName(), k -> new TreeSet<>())
            .add(header.getKey());
        continue;
      }
      Method getter = getter(type, setter, getters);
      if (getter == null) {
        droppedHeaders
            .computeIfAbsent(type.getSimpleName(), k -> new TreeSet<>())
            .add(header.getKey() + " (no getter)");
        continue;
      }
      if (getter.getReturnType() != setter.getParameterTypes()[0]) {
        // The bean parses the text itself (CID-CallingPres "0 (Presentation Allowed, ...)" to 0,
        // a channel state "Up" to 6, RTCP "200(Sender Report)" to 200); not re-implemented here.
        converted.add(type.getSimpleName() + "." + name);
        continue;
      }
      comparedFields++;
      Object expected =
          expected(setter.getParameterTypes()[0], header.getValue(), read(getter, fresh));
      if (bean instanceof ResponseEvent && name.equals("actionid")) {
        // EventBuilderImpl keeps only what follows '#' in a list item's ActionID (its own
        // "internal#user" ids); an ActionID another client chose is dropped.
        expected = userPartOfInternalActionId(header.getValue().get(0));
      }
      if (expected == null && name.equals("channelstate")) {
        // getChannelState falls back to the number for ChannelStateDesc when ChannelState was
        // empty or repeated.
        expected = AstState.str2state(bean.getChannelStateDesc());
      }
      Object actual = read(getter, bean);
      if (!Objects.equals(expected, actual)) {
        differences.add(
            type.getSimpleName()
                + "."
                + name
                + ": ours "
                + header.getValue()
                + " -> expected "
                + expected
                + ", Asterisk-Java "
                + actual);
      }
    }
  }

  /**
   * The getter that pairs with the setter: same name first, since some beans carry two setters that
   * differ only in case ({@code setInCall}/{@code setIncall} on QueueMemberPauseEvent), each with
   * its own field and getter.
   */
  private static Method getter(Class<?> type, Method setter, Map<String, Method> getters) {
    String property = setter.getName().substring(3);
    if (property.equals("ChanVariables")) {
      // ChanVariable headers land in setChanVariables, read back with getChannelVariables.
      property = "ChannelVariables";
    }
    for (String prefix : new String[] {"get", "is"}) {
      try {
        return type.getMethod(prefix + property);
      } catch (NoSuchMethodException e) {
        // try the next form
      }
    }
    return getters.get(property.toLowerCase(Locale.ENGLISH));
  }

  private static String userPartOfInternalActionId(String actionId) {
    int delimiter = actionId.indexOf('#');
    return delimiter > 0 && actionId.length() > delimiter + 1
        ? actionId.substring(delimiter + 1)
        : null;
  }

  /** Headers by lower-cased key, values trimmed, in wire order: Asterisk-Java's buffer. */
  private static Map<String, List<String>> grouped(AmiMessage message) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (int i = 0; i < message.size(); i++) {
      String key = message.keyAt(i).toLowerCase(Locale.ENGLISH).trim();
      if (!key.isEmpty()) {
        grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(message.valueAt(i).trim());
      }
    }
    return grouped;
  }

  /** What EventAttributesHelper.setAttributes makes of the values for a setter of this type. */
  private static Object expected(Class<?> type, List<String> values, Object unset) {
    boolean single = values.size() == 1;
    String value = values.get(0);
    if (type == Boolean.class) {
      return AstUtil.isTrue(single ? value : values.toString());
    }
    if (type.isAssignableFrom(String.class)) {
      if (single) {
        return AstUtil.isNull(value) ? null : value;
      }
      StringBuilder joined = new StringBuilder();
      values.stream().filter(v -> !v.isEmpty()).forEach(v -> joined.append(v).append('\n'));
      return joined.toString();
    }
    if (type.isAssignableFrom(Map.class)) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String line : values) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          map.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
      return map;
    }
    if (!single) {
      return unset;
    }
    try {
      if (type == double.class || type == Double.class) {
        return value.isEmpty() ? null : Double.valueOf(value);
      }
      if (type == long.class || type == Long.class) {
        return value.isEmpty() ? null : Long.valueOf(value);
      }
      if (type == int.class || type == Integer.class) {
        return value.isEmpty() ? null : Integer.valueOf(value);
      }
      Constructor<?> constructor = type.getConstructor(String.class);
      return constructor.newInstance(value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return unset;
    }
  }

  private static Object read(Method getter, Object bean) {
    try {
      return getter.invoke(bean);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object newBean(Class<?> type) {
    try {
      return type.getConstructor(Object.class).newInstance("fresh");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Class<?>> registeredEventClasses() {
    try {
      Class<?> builder = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
      Constructor<?> constructor = builder.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();
      java.lang.reflect.Field registry = builder.getDeclaredField("registeredEventClasses");
      registry.setAccessible(true);
      return Map.copyOf((Map<String, Class<?>>) registry.get(instance));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Asterisk-Java 3.42.2 internals are not as expected", e);
    }
  }
}
