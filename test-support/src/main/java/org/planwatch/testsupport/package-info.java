/**
 * The real servers integration tests run against, chosen in one place: external servers named in the
 * environment, else Testcontainers when a Docker engine answers, else servers started in this JVM.
 */
package org.planwatch.testsupport;
