/** The sample app's share of tamper evidence: its generated checkpoint key pair. */
package io.auditrail.sample.chain;
