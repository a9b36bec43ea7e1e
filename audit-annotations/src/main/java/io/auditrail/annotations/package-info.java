/**
 * The annotations that mark audited code.
 *
 * <p>This package has no dependencies so that domain and service modules can carry
 * {@link io.auditrail.annotations.Audited} without pulling in a framework. The Spring
 * Boot starter and the Micronaut module read these annotations; neither adds its own copy.
 */
package io.auditrail.annotations;
