package io.switchboard.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method or type that makes a call the build forbids (a blocking call, or a print to the
 * console) on purpose, for example start-up work on the main thread. The reason says why it is safe
 * there. Read by the forbidden-apis check, which matches any annotation of this name.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE, ElementType.FIELD})
public @interface SuppressForbidden {
  /** Why the forbidden call is safe where it stands. */
  String reason();
}
