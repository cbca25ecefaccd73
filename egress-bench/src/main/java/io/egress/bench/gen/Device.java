package io.egress.bench.gen;

/** A generated endpoint: Defender device id, FQDN, OS, its private address and its main user. */
public record Device(String id, String name, Os os, String ip, Account primaryUser) {
    public String shortName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
