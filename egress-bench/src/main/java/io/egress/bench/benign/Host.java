package io.egress.bench.benign;

/** A device of the estate: Defender device id, FQDN, platform, role, private address and main user. */
public record Host(String id, String name, Platform platform, Role role, String ip, User user) {
    public String shortName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    public boolean windows() {
        return platform == Platform.WINDOWS;
    }
}
