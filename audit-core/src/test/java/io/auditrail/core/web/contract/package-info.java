/**
 * HTTP-level contract suites every framework module runs against its own server, shipped in
 * core's test-jar like the sink contract kit.
 */
package io.auditrail.core.web.contract;
