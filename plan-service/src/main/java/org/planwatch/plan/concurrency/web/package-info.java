/** How versions travel over HTTP: ETag out, If-Match (or a body "version") in. */
package org.planwatch.plan.concurrency.web;
