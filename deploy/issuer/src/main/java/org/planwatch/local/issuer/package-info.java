/**
 * The local stack's sign-in: a real OpenID Connect provider (Spring Authorization Server) with demo people and
 * partner systems, so that planwatch runs as in production, where a partnership's own provider takes its place.
 */
package org.planwatch.local.issuer;
