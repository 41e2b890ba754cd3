/** Plan imports from the command line, for batch use: {@code java -jar plan-service.jar import FILE [--commit]}. */
package org.planwatch.plan.planimport.cli;
