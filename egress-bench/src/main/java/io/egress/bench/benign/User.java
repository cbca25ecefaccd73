package io.egress.bench.benign;

/** An account as Defender reports it (Linux and macOS local accounts have no SID or UPN). */
public record User(String name, String domain, String sid, String upn) {
    static User system() {
        return new User("system", "nt authority", "S-1-5-18", "");
    }

    static User root(String host) {
        return new User("root", host, "", "");
    }

    static User local(String name, String host) {
        return new User(name, host, "", "");
    }
}
