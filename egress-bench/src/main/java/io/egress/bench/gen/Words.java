package io.egress.bench.gen;

import java.util.SplittableRandom;

/** Random but plausible pieces of command lines: documents, repositories, hosts, encoded labels. */
final class Words {
    private static final String[] DOCS = {"Q3-forecast.xlsx", "payroll_2025.xlsx", "customers.csv", "board-minutes.docx",
        "contracts.zip", "roadmap.pptx", "vpn-config.ovpn", "salaries.xlsx", "design-spec.pdf", "passwords.kdbx"};
    private static final String[] REPOS = {"portal", "billing-api", "infra-terraform", "mobile-app", "data-pipeline",
        "auth-service", "docs", "web-frontend", "ml-models", "build-tools"};
    private static final String[] BRANCHES = {"main", "develop", "feature/login-flow", "fix/timeout", "release/2.4"};
    private static final String[] SITES = {"www.google.com", "login.microsoftonline.com", "outlook.office365.com",
        "github.com", "api.github.com", "www.bing.com", "teams.microsoft.com", "contoso.sharepoint.com",
        "update.googleapis.com", "www.wikipedia.org", "slack.com", "registry.npmjs.org", "pypi.org"};
    private static final String[] INTERNAL = {"fs01.corp.contoso.com", "jenkins.corp.contoso.com", "grafana.corp.contoso.com",
        "wiki.corp.contoso.com", "nexus.corp.contoso.com", "dc01.corp.contoso.com"};
    private static final String[] DROP_DOMAINS = {"cdn-sync.net", "telemetry-upd.com", "static-img.org", "msft-update.info",
        "cloudfiles.xyz"};
    private static final char[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Words() {
    }

    static String doc(SplittableRandom r) {
        return DOCS[r.nextInt(DOCS.length)];
    }

    static String repo(SplittableRandom r) {
        return REPOS[r.nextInt(REPOS.length)];
    }

    static String branch(SplittableRandom r) {
        return BRANCHES[r.nextInt(BRANCHES.length)];
    }

    static String site(SplittableRandom r) {
        return SITES[r.nextInt(SITES.length)];
    }

    static String internalHost(SplittableRandom r) {
        return INTERNAL[r.nextInt(INTERNAL.length)];
    }

    static String dropDomain(SplittableRandom r) {
        return DROP_DOMAINS[r.nextInt(DROP_DOMAINS.length)];
    }

    /** A base64-alphabet DNS label of {@code length} characters (no '+' or '/', which DNS forbids). */
    static String label(SplittableRandom r, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = B64[r.nextInt(B64.length)];
        }
        return new String(out);
    }

    static String hex(SplittableRandom r, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(r.nextInt(16), 16));
        }
        return out.toString();
    }
}
