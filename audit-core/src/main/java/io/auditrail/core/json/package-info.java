/**
 * JSON forms of the event on Jackson 3: the readable form, the canonical form that
 * hashing relies on, and the hosted audit-log API's wire shape.
 */
@NullMarked
package io.auditrail.core.json;

import org.jspecify.annotations.NullMarked;
