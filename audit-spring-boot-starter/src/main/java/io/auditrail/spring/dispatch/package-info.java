/**
 * One dispatcher per configured sink, chosen by dispatch mode and wrapped for transactions.
 */
package io.auditrail.spring.dispatch;
