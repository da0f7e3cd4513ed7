/** Metrics in Prometheus format (WildFly's Micrometer, scraped at the management interface's /prometheus). */
package kr.dat.platform.metrics;
