/**
 * Running the shipped DDL and checking at start-up that the tables have every column the code
 * needs. Internal: public only so the store's other packages can share it; other modules must
 * not use it.
 */
@NullMarked
package io.auditrail.jdbc.internal.schema;

import org.jspecify.annotations.NullMarked;
