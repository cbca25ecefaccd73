package io.egress.bench.benign;

import java.time.Instant;
import java.util.List;

/** Developers at work (git, npm, pip, Maven, Docker, curl to APIs and internal services, wget) and package managers. */
final class DevActivity {
    private static final List<String> REPOS = List.of("payments-api", "web-portal", "inventory-service", "data-pipeline",
            "mobile-backend", "infra-terraform", "auth-gateway", "reporting");
    private static final List<String> PACKAGES = List.of("requests==2.32.3", "boto3", "pandas==2.2.3", "pytest", "black",
            "fastapi uvicorn", "psycopg2-binary", "pyyaml");

    private DevActivity() {
    }

    static void developer(Ctx c) {
        Host h = c.estate.pick(c.r, Role.DEVELOPER);
        Instant t = c.work();
        Proc shell = Procs.shell(c, h, t);
        int x = c.r.nextInt(100);
        if (x < 22) {
            git(c, h, t, shell);
        } else if (x < 32) {
            npm(c, h, t, shell);
        } else if (x < 40) {
            pip(c, h, t, shell);
        } else if (x < 47) {
            maven(c, h, t, shell);
        } else if (x < 54) {
            docker(c, h, t, shell);
        } else if (x < 68) {
            curlApi(c, h, t, shell);
        } else if (x < 78) {
            curlPostInternal(c, h, t, shell);
        } else if (x < 82) {
            curlUploadArtifact(c, h, t, shell);
        } else if (x < 88) {
            wget(c, h, t, shell);
        } else if (x < 93) {
            dnsLookup(c, h, t, shell);
        } else {
            sshScp(c, h, t, shell);
        }
    }

    private static void git(Ctx c, Host h, Instant t, Proc shell) {
        String repo = c.pick(REPOS);
        boolean internal = c.chance(60);
        String url = internal ? "https://gitlab.corp.example.com/platform/" + repo + ".git" : "https://github.com/contoso/" + repo + ".git";
        String verb = c.pick("fetch --all --prune", "pull --rebase", "push origin HEAD", "clone " + url, "fetch origin");
        String gitPath = h.windows() ? Procs.GIT_WIN : h.platform() == Platform.MACOS ? "/usr/bin/git" : "/usr/bin/git";
        Proc git = c.emit.spawn(h, t, shell, gitPath, (h.windows() ? "git.exe " : "git ") + verb);
        c.emit.process(h, t, git, shell);
        String helperPath = h.windows() ? Procs.GIT_HTTPS_WIN
                : h.platform() == Platform.MACOS ? "/Library/Developer/CommandLineTools/usr/libexec/git-core/git-remote-https"
                : "/usr/lib/git-core/git-remote-https";
        Proc helper = c.emit.spawn(h, c.after(t, 80), git, helperPath,
                (h.windows() ? "\"" + helperPath + "\"" : "git-remote-https") + " origin " + url);
        c.emit.process(h, c.after(t, 80), helper, git);
        if (internal) {
            Procs.connect(c, h, c.after(t, 150), helper, Infra.GITLAB);
        } else {
            Procs.connect(c, h, c.after(t, 150), helper, Sites.GITHUB, 1);
        }
    }

    private static void npm(Ctx c, Host h, Instant t, Proc shell) {
        String cmd = c.pick("install", "ci", "install --save-dev eslint@9.15.0", "run build", "update", "audit");
        String nodePath = h.windows() ? Procs.NODE_WIN : h.platform() == Platform.MACOS ? "/opt/homebrew/bin/node" : "/usr/bin/node";
        String cli = h.windows() ? "\"C:\\Program Files\\nodejs\\node.exe\" \"C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js\" "
                : "node " + (h.platform() == Platform.MACOS ? "/opt/homebrew/bin/npm " : "/usr/bin/npm ");
        Proc node = c.emit.spawn(h, t, shell, nodePath, cli + cmd);
        c.emit.process(h, t, node, shell);
        if (!cmd.startsWith("run")) {
            Procs.connect(c, h, c.after(t, 500), node, Sites.NPM, c.between(2, 4));
        } else {
            c.emit.file(h, c.after(t, 8000), node, "FileCreated", Procs.home(h) + (h.windows() ? "\\src\\web-portal\\dist\\assets\\index-"
                    : "/src/web-portal/dist/assets/index-") + c.alnum(8) + ".js", c.between(80_000, 900_000), "");
        }
    }

    private static void pip(Ctx c, Host h, Instant t, Proc shell) {
        String args = c.chance(50) ? "-m pip install -r requirements.txt" : "-m pip install --upgrade " + c.pick(PACKAGES);
        String py = h.windows() ? Procs.user(Procs.PYTHON_WIN, h) : h.platform() == Platform.MACOS ? "/opt/homebrew/bin/python3.12"
                : "/usr/bin/python3.12";
        Proc p = c.emit.spawn(h, t, shell, py, (h.windows() ? "python " : "python3 ") + args);
        c.emit.process(h, t, p, shell);
        Procs.connect(c, h, c.after(t, 700), p, Sites.PYPI, 1);
        Procs.connect(c, h, c.after(t, 1500), p, Sites.PYPI_FILES, c.between(1, 3));
    }

    private static void maven(Ctx c, Host h, Instant t, Proc shell) {
        String goals = c.pick("-B clean verify", "clean install -DskipTests", "test", "-q dependency:tree", "spotless:apply verify");
        String java = h.windows() ? Procs.JAVA_WIN : h.platform() == Platform.MACOS
                ? "/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home/bin/java" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
        String home = h.windows() ? "C:\\tools\\apache-maven-3.9.9" : "/opt/apache-maven-3.9.9";
        String sep = h.windows() ? "\\" : "/";
        String cmd = (h.windows() ? "\"" + java + "\"" : java) + " -classpath " + home + sep + "boot" + sep + "plexus-classworlds-2.8.0.jar"
                + " -Dclassworlds.conf=" + home + sep + "bin" + sep + "m2.conf -Dmaven.home=" + home
                + " -Dmaven.multiModuleProjectDirectory=" + Procs.home(h) + sep + "src" + sep + c.pick(REPOS)
                + " org.codehaus.plexus.classworlds.launcher.Launcher " + goals;
        Proc mvn = c.emit.spawn(h, t, shell, java, cmd);
        c.emit.process(h, t, mvn, shell);
        if (c.chance(70)) {
            Infra.Service mirror = Infra.NEXUS;
            Procs.connect(c, h, c.after(t, 2000), mvn, mirror);
        } else {
            Procs.connect(c, h, c.after(t, 2000), mvn, Sites.MAVEN, c.between(1, 3));
        }
        if (goals.contains("install") || goals.contains("verify")) {
            c.emit.file(h, c.after(t, 40_000), mvn, "FileCreated", Procs.home(h) + sep + "src" + sep + "payments-api" + sep + "target"
                    + sep + "payments-api-1.4." + c.between(0, 9) + "-SNAPSHOT.jar", c.between(2_000_000, 60_000_000), "");
        }
    }

    private static void docker(Ctx c, Host h, Instant t, Proc shell) {
        String image = c.pick("python:3.12-slim", "node:22-alpine", "eclipse-temurin:17-jre", "postgres:16", "nginx:1.27-alpine");
        String repo = c.pick(REPOS);
        String args = c.pick("pull " + image, "build -t registry.corp.example.com:5000/platform/" + repo + ":dev .",
                "push registry.corp.example.com:5000/platform/" + repo + ":dev", "compose up -d", "run --rm -it " + image + " bash");
        String path = h.windows() ? Procs.DOCKER_WIN : h.platform() == Platform.MACOS ? "/usr/local/bin/docker" : "/usr/bin/docker";
        Proc docker = c.emit.spawn(h, t, shell, path, "docker " + args);
        c.emit.process(h, t, docker, shell);
        Proc daemon = h.platform() == Platform.LINUX
                ? c.emit.running(h, t, "/usr/bin/dockerd", "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock",
                        User.root(h.shortName()), "systemd")
                : c.emit.running(h, t, h.windows() ? "C:\\Program Files\\Docker\\Docker\\resources\\com.docker.backend.exe"
                        : "/Applications/Docker.app/Contents/MacOS/com.docker.backend",
                        h.windows() ? "\"C:\\Program Files\\Docker\\Docker\\resources\\com.docker.backend.exe\"" : "com.docker.backend",
                        h.user(), h.windows() ? "Docker Desktop.exe" : "Docker Desktop");
        if (args.startsWith("push") || args.startsWith("build")) {
            Procs.connect(c, h, c.after(t, 900), daemon, Infra.REGISTRY);
        } else {
            Procs.connect(c, h, c.after(t, 900), daemon, Sites.DOCKER, 1);
            Procs.connect(c, h, c.after(t, 1500), daemon, Sites.DOCKER_CDN, c.between(1, 3));
        }
    }

    private static void curlApi(Ctx c, Host h, Instant t, Proc shell) {
        String curl = Procs.curl(h);
        int x = c.r.nextInt(100);
        String cmd;
        Site site = null;
        Infra.Service svc = null;
        if (x < 30) {
            cmd = "curl -s -H \"Authorization: Bearer " + c.alnum(20) + "\" \"https://api.github.com/repos/contoso/" + c.pick(REPOS)
                    + "/pulls?state=open&per_page=50\"";
            site = Sites.GITHUB_API;
        } else if (x < 45) {
            cmd = "curl -sSL https://get.docker.com -o get-docker.sh";
            site = Sites.site("get.docker.com", 443, "18.244.18.", "d1yc6oxtqeoufh.cloudfront.net");
        } else if (x < 70) {
            cmd = "curl -s http://localhost:" + c.pick("8080", "3000", "5000", "8000") + "/" + c.pick("health", "actuator/health",
                    "api/v1/orders?limit=20", "metrics", "api/status");
        } else if (x < 85) {
            svc = c.chance(50) ? Infra.ORDERS_API : Infra.INVENTORY_API;
            cmd = "curl -i " + svc.url("http") + "/api/v1/" + c.pick("orders/" + c.between(10000, 99999), "items?sku=A-" + c.between(1000, 9999),
                    "health");
        } else {
            cmd = "curl -sS -o /dev/null -w \"%{http_code}\" https://staging.corp.example.com/login";
            svc = new Infra.Service(Infra.STAGING.host(), Infra.STAGING.ip(), 443);
        }
        Proc p = c.emit.spawn(h, t, shell, curl, h.windows() ? cmd.replace("curl ", "curl.exe ") : cmd);
        c.emit.process(h, t, p, shell);
        if (site != null) {
            Procs.connect(c, h, c.after(t, 200), p, site, 1);
        } else if (svc != null) {
            Procs.connect(c, h, c.after(t, 200), p, svc);
        } else {
            int port = Integer.parseInt(cmd.replaceAll(".*localhost:(\\d+).*", "$1"));
            c.emit.network(h, c.after(t, 100), p, "ConnectionSuccess", "127.0.0.1", port, "localhost", "Tcp");
        }
    }

    /** {@code curl -X POST} JSON to internal services, the staging server, or the developer's own local server. */
    private static void curlPostInternal(Ctx c, Host h, Instant t, Proc shell) {
        int x = c.r.nextInt(100);
        Infra.Service svc;
        String path;
        if (x < 40) {
            svc = c.chance(50) ? Infra.ORDERS_API : Infra.INVENTORY_API;
            path = svc.url("http") + "/api/v1/" + c.pick("orders", "reservations", "items/bulk", "events");
        } else if (x < 70) {
            svc = Infra.STAGING;
            path = "http://staging.corp.example.com/api/" + c.pick("orders", "users", "webhooks/test", "graphql");
        } else {
            svc = new Infra.Service("localhost", "127.0.0.1", Integer.parseInt(c.pick("8080", "3000", "5000")));
            path = "http://localhost:" + svc.port() + "/api/" + c.pick("orders", "login", "items", "graphql");
        }
        String body = c.pick("-d '{\"sku\":\"A-" + c.between(1000, 9999) + "\",\"qty\":" + c.between(1, 9) + "}'",
                "-d @order.json", "--data-binary @fixtures/bulk-items.json", "-d '{\"username\":\"test\",\"password\":\"test\"}'",
                "-d '{\"query\":\"{ orders(first: 10) { id total } }\"}'");
        String cmd = "curl -X POST " + path + " -H \"Content-Type: application/json\" " + body;
        if (h.windows()) {
            cmd = cmd.replace("curl ", "curl.exe ").replace("'", "\"").replace("\"{\"", "\"{\\\"");
        }
        Proc p = c.emit.spawn(h, t, shell, Procs.curl(h), cmd);
        c.emit.process(h, t, p, shell);
        if (svc.ip().startsWith("127.")) {
            c.emit.network(h, c.after(t, 100), p, "ConnectionSuccess", "127.0.0.1", svc.port(), "localhost", "Tcp");
        } else {
            Procs.connect(c, h, c.after(t, 150), p, svc);
        }
    }

    /** {@code curl -T} / {@code --upload-file} of a build to the internal artifact repository (the seed's false positive 2). */
    static void curlUploadArtifact(Ctx c, Host h, Instant t, Proc shell) {
        String version = "1." + c.between(0, 9) + "." + c.between(0, 30);
        String app = c.pick(REPOS);
        String file = app + "-" + version + c.pick(".tar.gz", ".zip", ".jar");
        boolean nexus = c.chance(75);
        Infra.Service svc = nexus ? Infra.NEXUS : Infra.STAGING;
        String url = nexus ? "http://nexus.corp.example.com:8081/repository/raw-hosted/" + app + "/" + version + "/" + file
                : "http://staging.corp.example.com/uploads/" + file;
        String flag = c.pick("-T", "--upload-file");
        String auth = c.chance(60) ? "--netrc-file " + (h.windows() ? "%USERPROFILE%\\.netrc" : "~/.netrc") + " " : "-u deploy:" + c.alnum(12) + " ";
        String cmd = "curl -f " + auth + flag + " " + (h.windows() ? "dist\\" : "dist/") + file + " " + url;
        Proc p = c.emit.spawn(h, t, shell, Procs.curl(h), h.windows() ? cmd.replace("curl ", "curl.exe ") : cmd);
        c.emit.process(h, t, p, shell);
        Procs.connect(c, h, c.after(t, 150), p, svc);
    }

    private static void wget(Ctx c, Host h, Instant t, Proc shell) {
        String[][] downloads = {
            {"https://github.com/prometheus/node_exporter/releases/download/v1.8.2/node_exporter-1.8.2.linux-amd64.tar.gz", "github"},
            {"https://dl.google.com/go/go1.23.3.linux-amd64.tar.gz", "google"},
            {"https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz", "nodejs"},
            {"-q -O - https://packages.adoptium.net/artifactory/api/gpg/key/public", "adoptium"},
            {"https://archive.apache.org/dist/kafka/3.8.1/kafka_2.13-3.8.1.tgz", "apache"},
            {"http://nexus.corp.example.com:8081/repository/raw-hosted/tools/jq-1.7.1-linux-amd64", "nexus"}};
        String[] d = downloads[c.r.nextInt(downloads.length)];
        String path = h.windows() ? "C:\\ProgramData\\chocolatey\\bin\\wget.exe" : h.platform() == Platform.MACOS ? "/opt/homebrew/bin/wget" : "/usr/bin/wget";
        Proc p = c.emit.spawn(h, t, shell, path, "wget " + d[0]);
        c.emit.process(h, t, p, shell);
        Site site = switch (d[1]) {
            case "github" -> Sites.GITHUB_RELEASES;
            case "google" -> Sites.site("dl.google.com", 443, "142.250.186.");
            case "nodejs" -> Sites.site("nodejs.org", 443, "104.20.22.");
            case "adoptium" -> Sites.site("packages.adoptium.net", 443, "104.18.12.");
            case "apache" -> Sites.site("archive.apache.org", 443, "65.108.204.");
            default -> null;
        };
        if (site == null) {
            Procs.connect(c, h, c.after(t, 200), p, Infra.NEXUS);
        } else {
            Procs.connect(c, h, c.after(t, 200), p, site, 1);
        }
        String name = d[0].substring(d[0].lastIndexOf('/') + 1);
        if (!d[0].startsWith("-q")) {
            c.emit.file(h, c.after(t, 5000), p, "FileCreated", Procs.home(h) + (h.windows() ? "\\Downloads\\" : "/") + name,
                    c.between(1_000_000, 90_000_000), d[0]);
        }
    }

    /** Looking names up while debugging: internal hosts, SRV records, cloud endpoints with long generated labels. */
    private static void dnsLookup(Ctx c, Host h, Instant t, Proc shell) {
        String name = c.pick("gitlab.corp.example.com", "_ldap._tcp.dc._msdcs.corp.example.com", "stcontosoprodweu01.blob.core.windows.net",
                "internal-orders-alb-608123456.eu-west-1.elb.amazonaws.com", "k3x9q2w1ab.execute-api.eu-west-1.amazonaws.com",
                "selector1._domainkey.contoso.com", "contoso-assets-prod.s3.eu-west-1.amazonaws.com",
                "portal-contoso-a7f3c9e2b1d4f6a8.z01.azurefd.net", "orders.svc.corp.example.com", "api.github.com");
        String cmd;
        String path;
        if (h.windows()) {
            path = "C:\\Windows\\System32\\nslookup.exe";
            cmd = "nslookup " + (name.startsWith("_ldap") ? "-type=SRV " : name.startsWith("selector1") ? "-type=TXT " : "") + name;
        } else {
            path = "/usr/bin/dig";
            cmd = "dig " + (c.chance(50) ? "+short " : "") + (name.startsWith("_ldap") ? "SRV " : name.startsWith("selector1") ? "TXT " : "")
                    + name;
        }
        Proc p = c.emit.spawn(h, t, shell, path, cmd);
        c.emit.process(h, t, p, shell);
        if (h.windows()) {
            c.emit.dns(h, c.after(t, 50), p, name, List.of(name.endsWith(Infra.DOMAIN) ? c.privateIp() : "52.218." + c.between(1, 250) + "." + c.between(1, 250)));
        }
    }

    private static void sshScp(Ctx c, Host h, Instant t, Proc shell) {
        String target = "srv-lnx-" + String.format("%04d", c.between(1, 60)) + "." + Infra.DOMAIN;
        String cmd = c.chance(50) ? "ssh deploy@" + target : "scp target/app.jar deploy@" + target + ":/opt/app/releases/";
        String path = h.windows() ? "C:\\Windows\\System32\\OpenSSH\\" + (cmd.startsWith("ssh") ? "ssh.exe" : "scp.exe")
                : "/usr/bin/" + (cmd.startsWith("ssh") ? "ssh" : "scp");
        Proc p = c.emit.spawn(h, t, shell, path, cmd);
        c.emit.process(h, t, p, shell);
        Procs.connect(c, h, c.after(t, 100), p, new Infra.Service(target, c.privateIp(), 22));
    }

    /** apt (plain http to the Ubuntu archive), dnf, Homebrew (curl), Chocolatey, winget. */
    static void packages(Ctx c) {
        Host h = c.estate.pick(c.r, Role.SERVER, Role.BUILD_AGENT, Role.DEVELOPER, Role.OFFICE);
        Instant t = c.any();
        switch (h.platform()) {
            case LINUX -> {
                User root = User.root(h.shortName());
                if (c.chance(80)) {
                    Proc sh = Procs.cronShell(c, h, t, root, c.pick("\"apt-get -qq update\"", "\"unattended-upgrade -d\"",
                            "\"/usr/lib/apt/apt.systemd.daily update\""));
                    Proc apt = c.emit.spawn(h, c.after(t, 300), sh, "/usr/bin/apt-get", "apt-get -qq update", root);
                    c.emit.process(h, c.after(t, 300), apt, sh);
                    Proc http = c.emit.spawn(h, c.after(t, 600), apt, "/usr/lib/apt/methods/http", "/usr/lib/apt/methods/http", root);
                    c.emit.process(h, c.after(t, 600), http, apt);
                    Procs.connect(c, h, c.after(t, 800), http, c.chance(60) ? Sites.UBUNTU : Sites.UBUNTU_SECURITY, c.between(1, 2));
                } else {
                    Proc shell = Procs.shell(c, h, t);
                    Proc dnf = c.emit.spawn(h, t, shell, "/usr/bin/python3.9", "/usr/bin/python3 /usr/bin/dnf -y makecache", root);
                    c.emit.process(h, t, dnf, shell);
                    Procs.connect(c, h, c.after(t, 500), dnf, Sites.RHEL, 1);
                }
            }
            case MACOS -> {
                Proc shell = Procs.shell(c, h, t);
                String formula = c.pick("jq", "gh", "kubectl", "terraform", "awscli", "node@22", "openssl@3");
                Proc brew = c.emit.spawn(h, t, shell, "/bin/bash", "/bin/bash -p /opt/homebrew/Library/Homebrew/brew.sh install " + formula);
                c.emit.process(h, t, brew, shell);
                String sha = c.hex(64);
                Proc curl = c.emit.spawn(h, c.after(t, 1500), brew, "/usr/bin/curl", "/usr/bin/curl --disable --cookie /dev/null --globoff"
                        + " --show-error --user-agent Homebrew/4.4.6\\ \\(Macintosh\\;\\ arm64\\ Mac\\ OS\\ X\\ 15.1\\)\\ curl/8.7.1"
                        + " --header Accept-Language:\\ en --retry 3 --header Authorization:\\ Bearer\\ QQ== --location"
                        + " --silent --head --request GET https://ghcr.io/v2/homebrew/core/" + formula.replace("@", "/") + "/blobs/sha256:" + sha);
                c.emit.process(h, c.after(t, 1500), curl, brew);
                Procs.connect(c, h, c.after(t, 1700), curl, Sites.HOMEBREW, 1);
            }
            case WINDOWS -> {
                Proc shell = Procs.shell(c, h, t);
                if (c.chance(50)) {
                    Proc choco = c.emit.spawn(h, t, shell, "C:\\ProgramData\\chocolatey\\choco.exe", "choco upgrade all -y --no-progress");
                    c.emit.process(h, t, choco, shell);
                    Procs.connect(c, h, c.after(t, 600), choco, Sites.CHOCO, 1);
                } else {
                    Proc winget = c.emit.spawn(h, t, shell, "C:\\Users\\" + h.user().name()
                            + "\\AppData\\Local\\Microsoft\\WindowsApps\\winget.exe", "winget upgrade --all --silent --accept-package-agreements");
                    c.emit.process(h, t, winget, shell);
                    Procs.connect(c, h, c.after(t, 600), winget, Sites.WINGET, 1);
                }
            }
        }
    }
}
