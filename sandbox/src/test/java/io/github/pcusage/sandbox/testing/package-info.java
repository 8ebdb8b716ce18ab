/**
 * Test fixtures for other modules' tests, published in the sandbox's {@code test-jar}: {@link
 * io.github.pcusage.sandbox.testing.SandboxExtension} gives a JUnit 5 test a running sandbox.
 *
 * <p>Everything in this package is non-null unless documented otherwise.
 */
package io.github.pcusage.sandbox.testing;
