/**
 * What a service refuses and why, in plain Java for any domain to throw: an invalid field (400), an unknown id
 * (404), a conflict with what is stored (409), a proof that does not hold (403).
 */
package org.planwatch.problem;
