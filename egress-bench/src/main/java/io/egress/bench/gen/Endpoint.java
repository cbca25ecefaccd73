package io.egress.bench.gen;

import java.util.SplittableRandom;

/** Both ends of one generated connection. */
record Endpoint(String localIp, int localPort, String remoteIp, int remotePort, String remoteUrl) {
    static Endpoint of(NetworkSpec spec, Device device, SplittableRandom r) {
        int port = spec.ports()[r.nextInt(spec.ports().length)];
        int ephemeral = device.os() == Os.WINDOWS ? 49152 + r.nextInt(16384) : 32768 + r.nextInt(28232);
        return switch (spec.remote()) {
            case PUBLIC_WEB -> new Endpoint(device.ip(), ephemeral,
                    r.nextInt(10) == 0 ? IpAddresses.publicV6(r) : IpAddresses.publicV4(r), port, Words.site(r));
            case HOSTING -> new Endpoint(device.ip(), ephemeral, IpAddresses.hostingV4(r), port,
                    r.nextInt(3) == 0 ? "files." + Words.dropDomain(r) : "");
            case PRIVATE -> new Endpoint(device.ip(), ephemeral, IpAddresses.privateV4(r), port,
                    r.nextBoolean() ? Words.internalHost(r) : "");
            case LOOPBACK -> new Endpoint("127.0.0.1", ephemeral, "127.0.0.1", port, "");
            case LOOPBACK_V6 -> new Endpoint("::1", ephemeral, "::1", port, "");
            case INBOUND_PRIVATE -> new Endpoint(device.ip(), port, IpAddresses.privateV4(r), ephemeral, "");
        };
    }
}
