/** How measure-service is wired: who may call it, its clock, its scheduled work. */
package org.planwatch.measure.config;
