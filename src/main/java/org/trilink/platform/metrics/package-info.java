/**
 * What a district's operations team watches, in MicroProfile Metrics (Payara serves them at
 * {@code /metrics} in Prometheus text format). The features register their own gauges with
 * {@link org.trilink.platform.metrics.OperationsGauges}; each gauge is one indexed query,
 * answered from a cache for a few seconds so that scrapes from several instances and
 * Prometheus servers cost the database almost nothing.
 */
package org.trilink.platform.metrics;
