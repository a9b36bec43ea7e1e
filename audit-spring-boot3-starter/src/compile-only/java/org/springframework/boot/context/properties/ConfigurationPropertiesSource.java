package org.springframework.boot.context.properties;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time stand-in for Spring Boot 4's annotation of the same name, which audit-core's settings
 * classes carry and Boot 3.5 does not have. javac must resolve it to read those classes while the
 * configuration processor runs; it is left out of this module's jar, and at run time the JVM ignores
 * an annotation whose class is missing, as it does for every core user without Spring.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConfigurationPropertiesSource {
}
