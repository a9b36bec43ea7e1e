/** Actors and organisations from Micronaut Security, when it is on the classpath. */
package io.auditrail.micronaut.security;
