/** MongoDB settings every planwatch service shares: date mapping and a portable health check. */
package org.planwatch.mongo;
