/** The shape every service's API answers a refusal in, and the strict reading of request bodies. */
package org.planwatch.api;
