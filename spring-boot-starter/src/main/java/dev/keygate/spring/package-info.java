/**
 * Keygate's Spring Boot starter: {@link dev.keygate.spring.KeygateAutoConfiguration} builds a
 * Keygate from {@link dev.keygate.spring.KeygateProperties}, guards the configured paths with
 * {@code KeygateFilter}, and hands the verified key to controllers.
 */
package dev.keygate.spring;
