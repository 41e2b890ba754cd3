/** How measure-service is wired: who may call it. */
package org.planwatch.measure.config;
