/** What every part of the HTTP API shares and no feature owns: problem+json for every refusal. */
package org.planwatch.notification.api;
