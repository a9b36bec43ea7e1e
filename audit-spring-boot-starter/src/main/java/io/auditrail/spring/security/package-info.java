/**
 * Spring Security integration: actors, organisations and authentication events.
 */
package io.auditrail.spring.security;
