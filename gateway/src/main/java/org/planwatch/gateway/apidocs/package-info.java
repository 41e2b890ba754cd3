/** The public API's one OpenAPI document, merged from the services' own. */
package org.planwatch.gateway.apidocs;
