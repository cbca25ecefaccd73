package io.egress.bench.benign;

/** What a host is for; populations pick the hosts of their roles. */
public enum Role {
    OFFICE,
    DEVELOPER,
    IT_ADMIN,
    BUILD_AGENT,
    SERVER,
    BACKUP_SERVER,
    SCANNER,
    MAIL_RELAY,
    REPORT_SERVER
}
