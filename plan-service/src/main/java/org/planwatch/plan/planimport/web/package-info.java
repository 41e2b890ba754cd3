/** Plan imports over HTTP: POST /api/plans/imports, a multipart upload, a dry run unless commit=true. */
package org.planwatch.plan.planimport.web;
