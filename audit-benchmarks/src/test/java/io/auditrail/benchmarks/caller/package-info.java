/**
 * Caller-overhead benchmarks of issue 9: the same Spring service methods called directly,
 * through a proxy that does nothing, with {@code @Audited} (async and transactional), and
 * with JaVers' {@code @JaversAuditable}, each in its own Spring Boot application started by
 * JMH. {@link io.auditrail.benchmarks.caller.CallerBenchmarks} runs them in passes and prints
 * the ratios; {@code run-caller-benchmarks.sh} is the one command. Test scope, so that the
 * store benchmarks' classpath stays free of Spring and JaVers; nothing here is a test.
 */
package io.auditrail.benchmarks.caller;
