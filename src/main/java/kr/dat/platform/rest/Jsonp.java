package kr.dat.platform.rest;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider everything here parses and builds with. {@code Json.createReader},
 * {@code Json.createObjectBuilder} and the other static shortcuts look the provider up again on
 * every call — a service-loader scan of the deployment's modules — and each new provider starts
 * its own buffer pool. The push benchmark found that lookup to be ~40 % of what a node allocated
 * while relaying state changes (docs/benchmarks.md). The provider is thread-safe.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
