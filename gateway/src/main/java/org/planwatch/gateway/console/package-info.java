/**
 * The console: pages for lead professionals and administrators, rendered here on the server with GOV.UK Frontend's
 * components. Pages call the services as the signed-in person (their access token, held in the gateway's session,
 * never in the browser), so each service decides what that person may see and change, as it does for the API.
 * Rendered on the server because they work without JavaScript, keep no token in the page, and ship a few
 * kilobytes of HTML and one stylesheet rather than a framework.
 */
package org.planwatch.gateway.console;
