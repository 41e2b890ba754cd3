/**
 * measure-service: will own measure definitions and their data points, published by partner systems. Today it
 * only runs with health, connected to its own database and the broker; its domain is a later piece of work.
 */
package org.planwatch.measure;
