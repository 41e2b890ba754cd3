/** The journal of import commits in MongoDB: what a commit must finish, and who is finishing it. */
package org.planwatch.plan.planimport.store;
