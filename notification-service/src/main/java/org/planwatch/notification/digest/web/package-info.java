/** Sending today's digests now, over HTTP. */
package org.planwatch.notification.digest.web;
