/**
 * Statistics the district's reports cite, computed by Jakarta Batch jobs over the database.
 * This feature imports no other feature: it reads the case tables with SQL, and a completed
 * run keeps its own snapshot of the case facts behind every figure.
 */
package org.trilink.statistics;
