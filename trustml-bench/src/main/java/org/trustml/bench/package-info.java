/**
 * JMH benchmarks. Build with {@code mvn -pl trustml-bench -am package}, run with
 * {@code java -jar trustml-bench/target/benchmarks.jar}; results are recorded in BENCHMARKS.md.
 */
package org.trustml.bench;
