/**
 * Transaction-aware dispatch on Spring's transaction synchronisation.
 */
package io.auditrail.spring.internal.tx;
