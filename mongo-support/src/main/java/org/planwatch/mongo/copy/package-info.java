/** Copies of what other services announced, kept newest-wins. */
package org.planwatch.mongo.copy;
