/**
 * SQL for the read side, with every user value bound as a parameter, and the mapping between
 * events and rows. Internal.
 */
package io.auditrail.jdbc.internal.query;
