/**
 * Request context from the servlet request in scope.
 */
package io.auditrail.spring.web;
