package io.egress.bench.benign;

import java.time.Instant;
import java.util.List;

/** Image paths of the estate's software and the running parents (shells, schedulers, services) activities start from. */
final class Procs {
    static final String EXPLORER = "C:\\Windows\\explorer.exe";
    static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    static final String PWSH = "C:\\Program Files\\PowerShell\\7\\pwsh.exe";
    static final String SVCHOST = "C:\\Windows\\System32\\svchost.exe";
    static final String SERVICES = "C:\\Windows\\System32\\services.exe";
    static final String CODE = "C:\\Users\\%s\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe";
    static final String WIN_CURL = "C:\\Windows\\System32\\curl.exe";
    static final String GIT_WIN = "C:\\Program Files\\Git\\cmd\\git.exe";
    static final String GIT_HTTPS_WIN = "C:\\Program Files\\Git\\mingw64\\libexec\\git-core\\git-remote-https.exe";
    static final String NODE_WIN = "C:\\Program Files\\nodejs\\node.exe";
    static final String PYTHON_WIN = "C:\\Users\\%s\\AppData\\Local\\Programs\\Python\\Python312\\python.exe";
    static final String JAVA_WIN = "C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.13.11-hotspot\\bin\\java.exe";
    static final String DOCKER_WIN = "C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe";
    static final String BASH = "/usr/bin/bash";
    static final String ZSH = "/bin/zsh";
    static final String SSHD = "/usr/sbin/sshd";
    static final String CRON = "/usr/sbin/cron";
    static final String SYSTEMD = "/usr/lib/systemd/systemd";
    static final String LAUNCHD = "/sbin/launchd";

    private Procs() {
    }

    /** An interactive shell of the host's user: cmd/PowerShell under Explorer, bash under sshd, zsh under Terminal. */
    static Proc shell(Ctx c, Host h, Instant t) {
        return switch (h.platform()) {
            case WINDOWS -> {
                Proc explorer = c.emit.running(h, t, EXPLORER, "C:\\Windows\\Explorer.EXE", h.user(), "userinit.exe");
                yield c.chance(55)
                        ? c.emit.running(h, t, CMD, "\"C:\\Windows\\system32\\cmd.exe\" ", h.user(), explorer.fileName())
                        : c.emit.running(h, t, POWERSHELL, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" ",
                                h.user(), explorer.fileName());
            }
            case LINUX -> c.emit.running(h, t, BASH, "-bash", h.user(), "sshd");
            case MACOS -> c.emit.running(h, t, ZSH, "-zsh", h.user(), "login");
        };
    }

    /** The scheduler that runs a host's jobs: Task Scheduler's svchost, cron, launchd. */
    static Proc scheduler(Ctx c, Host h, Instant t, User user) {
        return switch (h.platform()) {
            case WINDOWS -> c.emit.running(h, t, SVCHOST, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", user,
                    "services.exe");
            case LINUX -> c.emit.running(h, t, CRON, "/usr/sbin/cron -f -P", User.root(h.shortName()), "systemd");
            case MACOS -> c.emit.running(h, t, LAUNCHD, "/sbin/launchd", User.root(h.shortName()), "");
        };
    }

    /** A Linux cron job: cron forks itself, then runs {@code sh -c "<job>"}. */
    static Proc cronShell(Ctx c, Host h, Instant t, User user, String job) {
        Proc cron = scheduler(c, h, t, user);
        Proc sh = c.emit.spawn(h, t, cron, "/usr/bin/dash", "/bin/sh -c " + job, user);
        c.emit.process(h, t, sh, cron);
        return sh;
    }

    static String curl(Host h) {
        return h.windows() ? WIN_CURL : "/usr/bin/curl";
    }

    static String user(String pattern, Host h) {
        return String.format(pattern, h.user().name());
    }

    static String home(Host h) {
        return switch (h.platform()) {
            case WINDOWS -> "C:\\Users\\" + h.user().name();
            case LINUX -> h.user().name().equals("root") ? "/root" : "/home/" + h.user().name();
            case MACOS -> "/Users/" + h.user().name();
        };
    }

    /** Resolves (Windows writes a DnsQueryResponse row), then connects: one network row per connection. */
    static void connect(Ctx c, Host h, Instant t, Proc p, Site site, int connections) {
        String name = site.resolveName(c);
        String ip = site.ip(c);
        if (h.windows()) {
            c.emit.dns(h, t, p, name, site.answers(c, ip));
        }
        for (int i = 0; i < connections; i++) {
            c.emit.network(h, c.after(t, 400 + i * 900), p, "ConnectionSuccess", ip, site.port(), name, "Tcp");
        }
    }

    static void connect(Ctx c, Host h, Instant t, Proc p, Infra.Service svc) {
        connect(c, h, t, p, svc, "ConnectionSuccess");
    }

    static void connect(Ctx c, Host h, Instant t, Proc p, Infra.Service svc, String action) {
        if (h.windows() && !svc.host().isEmpty()) {
            c.emit.dns(h, t, p, svc.host(), List.of(svc.ip()));
        }
        c.emit.network(h, c.after(t, 300), p, action, svc.ip(), svc.port(), svc.host(), "Tcp");
    }
}
