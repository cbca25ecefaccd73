package io.egress.bench.gen;

/** A security principal as Defender reports it (Linux accounts have no SID, UPN or object id). */
public record Account(String name, String domain, String sid, String upn, String objectId) {
    public static Account windowsSystem() {
        return new Account("system", "nt authority", "S-1-5-18", "", "");
    }

    public static Account linuxRoot(String hostShortName) {
        return new Account("root", hostShortName, "", "", "");
    }
}
