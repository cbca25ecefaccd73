package io.egress.bench.benign;

import java.time.Instant;
import java.util.List;

/** Build agents, backup jobs, monitoring agents and everyday system processes. */
final class InfraActivity {
    private InfraActivity() {
    }

    /** CI jobs: archive the build, upload it to Nexus/Artifactory over http on internal addresses, publish, serve test fixtures on localhost. */
    static void buildAgent(Ctx c) {
        Host h = c.estate.pick(c.r, Role.BUILD_AGENT);
        Instant t = c.any();
        String app = c.pick("payments-api", "web-portal", "inventory-service", "auth-gateway", "reporting");
        String version = "1." + c.between(0, 9) + "." + c.between(0, 200);
        if (!h.windows()) {
            String ws = h.user().name().equals("jenkins") ? "/var/lib/jenkins/workspace/" + app + "_main"
                    : "/home/gitlab-runner/builds/Zx8_abc1/0/platform/" + app;
            Proc agent = h.user().name().equals("jenkins")
                    ? c.emit.running(h, t, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "java -jar /var/lib/jenkins/agent.jar -url"
                            + " https://jenkins.corp.example.com/ -name " + h.shortName() + " -workDir /var/lib/jenkins", h.user(), "systemd")
                    : c.emit.running(h, t, "/usr/bin/gitlab-runner", "/usr/bin/gitlab-runner run --working-directory /home/gitlab-runner"
                            + " --config /etc/gitlab-runner/config.toml --service gitlab-runner --user gitlab-runner", User.root(h.shortName()), "systemd");
            Proc sh = c.emit.spawn(h, t, agent, "/usr/bin/bash", "bash -xe " + ws + "@tmp/durable-" + c.hex(8) + "/script.sh", h.user());
            c.emit.process(h, t, sh, agent);
            int x = c.r.nextInt(100);
            if (x < 40) {
                String archive = "dist/" + app + "-" + version + ".tar.gz";
                Proc tar = c.emit.spawn(h, c.after(t, 500), sh, "/usr/bin/tar", "tar -czf " + archive + " -C build .");
                c.emit.process(h, tar.created(), tar, sh);
                c.emit.file(h, c.after(tar.created(), 4000), tar, "FileCreated", ws + "/" + archive, c.between(5_000_000, 300_000_000), "");
                Instant u = c.after(tar.created(), 9000);
                boolean nexus = c.chance(60);
                Proc up;
                if (nexus) {
                    up = c.emit.spawn(h, u, sh, "/usr/bin/curl", "curl -sS -f --netrc-file " + (h.user().name().equals("jenkins")
                            ? "/var/lib/jenkins/.netrc" : "/home/gitlab-runner/.netrc") + " --upload-file " + archive
                            + " http://nexus.corp.example.com:8081/repository/raw-hosted/" + app + "/" + version + "/" + app + "-" + version + ".tar.gz");
                } else {
                    up = c.emit.spawn(h, u, sh, "/usr/local/bin/jf", "jf rt upload " + archive + " generic-local/" + app + "/" + version
                            + "/ --url=http://artifactory.corp.example.com:8082/artifactory --access-token=" + c.alnum(24));
                }
                c.emit.process(h, u, up, sh);
                Procs.connect(c, h, c.after(u, 200), up, nexus ? Infra.NEXUS : Infra.ARTIFACTORY);
            } else if (x < 60) {
                Proc mvn = c.emit.spawn(h, c.after(t, 500), sh, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                        "/usr/lib/jvm/java-17-openjdk-amd64/bin/java -classpath /opt/apache-maven-3.9.9/boot/plexus-classworlds-2.8.0.jar"
                                + " -Dclassworlds.conf=/opt/apache-maven-3.9.9/bin/m2.conf -Dmaven.home=/opt/apache-maven-3.9.9"
                                + " -Dmaven.multiModuleProjectDirectory=" + ws + " org.codehaus.plexus.classworlds.launcher.Launcher -B deploy"
                                + " -DaltDeploymentRepository=nexus::http://nexus.corp.example.com:8081/repository/maven-releases/");
                c.emit.process(h, mvn.created(), mvn, sh);
                Procs.connect(c, h, c.after(mvn.created(), 30_000), mvn, Infra.NEXUS);
                Procs.connect(c, h, c.after(mvn.created(), 31_000), mvn, Infra.NEXUS);
            } else if (x < 75) {
                Proc server = c.emit.spawn(h, c.after(t, 500), sh, "/usr/bin/python3.12", "python3 -m http.server 8000 --bind 127.0.0.1"
                        + " --directory tests/fixtures");
                c.emit.process(h, server.created(), server, sh);
                c.emit.network(h, c.after(server.created(), 300), server, "ListeningConnectionCreated", "127.0.0.1", 8000, "", "Tcp");
                Proc test = c.emit.spawn(h, c.after(t, 2000), sh, "/usr/bin/curl", "curl -fsS http://127.0.0.1:8000/"
                        + c.pick("catalog.json", "orders-page-1.json", "openapi.yaml"));
                c.emit.process(h, test.created(), test, sh);
                c.emit.network(h, c.after(test.created(), 50), test, "ConnectionSuccess", "127.0.0.1", 8000, "", "Tcp");
                c.emit.network(h, c.after(test.created(), 60), server, "InboundConnectionAccepted", "127.0.0.1", 8000, "", "Tcp");
            } else if (x < 88) {
                Proc docker = c.emit.spawn(h, c.after(t, 500), sh, "/usr/bin/docker", "docker push registry.corp.example.com:5000/platform/"
                        + app + ":" + version);
                c.emit.process(h, docker.created(), docker, sh);
                Proc dockerd = c.emit.running(h, t, "/usr/bin/dockerd", "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock",
                        User.root(h.shortName()), "systemd");
                Procs.connect(c, h, c.after(docker.created(), 300), dockerd, Infra.REGISTRY);
            } else {
                Proc npm = c.emit.spawn(h, c.after(t, 500), sh, "/usr/bin/node", "node /usr/bin/npm publish --registry"
                        + " http://nexus.corp.example.com:8081/repository/npm-internal/");
                c.emit.process(h, npm.created(), npm, sh);
                Procs.connect(c, h, c.after(npm.created(), 900), npm, Infra.NEXUS);
            }
        } else {
            Proc agent = c.emit.running(h, t, "C:\\agent\\bin\\Agent.Worker.exe", "\"C:\\agent\\bin\\Agent.Worker.exe\" spawnclient 5164 5180",
                    h.user(), "Agent.Listener.exe");
            Proc ps = c.emit.spawn(h, t, agent, Procs.PWSH, "\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\" -NoLogo -NoProfile -NonInteractive"
                    + " -ExecutionPolicy Unrestricted -Command \". 'C:\\agent\\_work\\_temp\\" + c.hex(8) + "-" + c.hex(4) + ".ps1'\"");
            c.emit.process(h, t, ps, agent);
            int x = c.r.nextInt(100);
            if (x < 40) {
                Proc z = c.emit.spawn(h, c.after(t, 500), ps, "C:\\Program Files\\7-Zip\\7z.exe", "\"C:\\Program Files\\7-Zip\\7z.exe\" a -tzip"
                        + " out\\" + app + "-" + version + ".zip .\\bin\\Release\\net8.0\\publish\\*");
                c.emit.process(h, z.created(), z, ps);
                c.emit.file(h, c.after(z.created(), 3000), z, "FileCreated", "C:\\agent\\_work\\1\\s\\out\\" + app + "-" + version + ".zip",
                        c.between(5_000_000, 200_000_000), "");
                Proc curl = c.emit.spawn(h, c.after(z.created(), 5000), ps, Procs.WIN_CURL, "\"C:\\Windows\\system32\\curl.exe\" -sS -f"
                        + " --netrc-file C:\\agent\\.netrc -T out\\" + app + "-" + version + ".zip"
                        + " http://nexus.corp.example.com:8081/repository/raw-hosted/" + app + "/" + version + "/");
                c.emit.process(h, curl.created(), curl, ps);
                Procs.connect(c, h, c.after(curl.created(), 200), curl, Infra.NEXUS);
            } else if (x < 65) {
                c.emit.powershell(h, c.after(t, 400), ps, "Invoke-WebRequest");
                Procs.connect(c, h, c.after(t, 500), ps, Infra.NEXUS);
            } else {
                Proc msbuild = c.emit.spawn(h, c.after(t, 500), ps, "C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\MSBuild\\Current\\Bin\\amd64\\MSBuild.exe",
                        "\"C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\MSBuild\\Current\\Bin\\amd64\\MSBuild.exe\" "
                                + app + ".sln /p:Configuration=Release /m /nologo");
                c.emit.process(h, msbuild.created(), msbuild, ps);
                Proc dotnet = c.emit.spawn(h, c.after(t, 900), msbuild, "C:\\Program Files\\dotnet\\dotnet.exe", "\"C:\\Program Files\\dotnet\\dotnet.exe\""
                        + " restore --source http://nexus.corp.example.com:8081/repository/nuget-group/index.json");
                c.emit.process(h, dotnet.created(), dotnet, msbuild);
                Procs.connect(c, h, c.after(dotnet.created(), 300), dotnet, Infra.NEXUS);
            }
        }
    }

    /** Nightly backups: restic to the REST server over http, rclone to MinIO, Veeam agents to the backup server, offsite rclone to S3. */
    static void backup(Ctx c) {
        int x = c.r.nextInt(100);
        Instant t = c.night();
        if (x < 40) {
            Host h = c.estate.pick(c.r, Role.SERVER);
            if (h.windows()) {
                veeam(c, h, t);
                return;
            }
            User root = User.root(h.shortName());
            Proc sh = Procs.cronShell(c, h, t, root, "\"/usr/local/sbin/backup.sh >> /var/log/backup.log 2>&1\"");
            Proc restic = c.emit.spawn(h, c.after(t, 200), sh, "/usr/bin/restic", "restic -r rest:http://backup01.corp.example.com:8000/"
                    + h.shortName() + " backup /etc /var/www /srv --exclude-caches --tag nightly --password-file /root/.restic-pass", root);
            c.emit.process(h, restic.created(), restic, sh);
            int n = c.between(2, 5);
            for (int i = 0; i < n; i++) {
                Procs.connect(c, h, c.after(restic.created(), 1000 * (i + 1)), restic, Infra.RESTIC);
            }
        } else if (x < 65) {
            Host h = c.estate.of(Role.BACKUP_SERVER).get(0);
            User root = User.root(h.shortName());
            Proc sh = Procs.cronShell(c, h, t, root, "\"rclone sync /data/exports minio:exports-backup --transfers 8 --log-file /var/log/rclone.log\"");
            Proc rclone = c.emit.spawn(h, c.after(t, 100), sh, "/usr/bin/rclone", "rclone sync /data/exports minio:exports-backup --transfers 8"
                    + " --log-file /var/log/rclone.log", root);
            c.emit.process(h, rclone.created(), rclone, sh);
            int n = c.between(2, 6);
            for (int i = 0; i < n; i++) {
                Procs.connect(c, h, c.after(rclone.created(), 500 * (i + 1)), rclone, Infra.MINIO);
            }
        } else if (x < 95) {
            Host h = c.estate.pick(c.r, Role.SERVER, Role.IT_ADMIN, Role.REPORT_SERVER);
            if (!h.windows()) {
                h = c.estate.of(Role.REPORT_SERVER).get(0);
            }
            veeam(c, h, t);
        } else {
            Host h = c.estate.of(Role.BACKUP_SERVER).get(0);
            Instant at = c.at(2, 15);
            User root = User.root(h.shortName());
            Proc sh = Procs.cronShell(c, h, at, root, "\"rclone copy /data/backups/restic s3-offsite:corp-offsite-backup/restic --transfers 4\"");
            Proc rclone = c.emit.spawn(h, c.after(at, 100), sh, "/usr/bin/rclone", "rclone copy /data/backups/restic"
                    + " s3-offsite:corp-offsite-backup/restic --transfers 4", root);
            c.emit.process(h, rclone.created(), rclone, sh);
            Procs.connect(c, h, c.after(rclone.created(), 400), rclone, Sites.S3_BACKUP, c.between(1, 4));
        }
    }

    private static void veeam(Ctx c, Host h, Instant t) {
        Proc veeam = c.emit.running(h, t, "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe",
                "\"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe\"", User.system(), "services.exe");
        Proc agent = c.emit.spawn(h, c.after(t, 100), veeam, "C:\\Program Files\\Veeam\\Endpoint Backup\\VeeamAgent.exe",
                "\"C:\\Program Files\\Veeam\\Endpoint Backup\\VeeamAgent.exe\" -l Backup -id " + c.hex(8) + "-" + c.hex(4) + "-" + c.hex(4)
                        + "-" + c.hex(4) + "-" + c.hex(12), User.system());
        c.emit.process(h, agent.created(), agent, veeam);
        Procs.connect(c, h, c.after(agent.created(), 500), agent, Infra.VEEAM);
        c.emit.network(h, c.after(agent.created(), 900), agent, "ConnectionSuccess", Infra.VEEAM.ip(), 2500 + c.between(0, 100), Infra.VEEAM.host(), "Tcp");
    }

    /** Monitoring agents: Zabbix (datacenter range), the legacy HTTP collector on 8080, Telegraf, Splunk, Filebeat, node_exporter, SCOM, Datadog. */
    static void monitoring(Ctx c) {
        Host h = c.estate.pick(c.r, Role.SERVER, Role.BUILD_AGENT, Role.MAIL_RELAY, Role.BACKUP_SERVER, Role.REPORT_SERVER);
        Instant t = c.any();
        boolean win = h.windows();
        User sys = win ? User.system() : User.local("zabbix", h.shortName());
        int x = c.r.nextInt(100);
        if (x < 30) {
            Proc z = win ? c.emit.running(h, t, "C:\\Program Files\\Zabbix Agent\\zabbix_agentd.exe",
                    "\"C:\\Program Files\\Zabbix Agent\\zabbix_agentd.exe\" --config \"C:\\Program Files\\Zabbix Agent\\zabbix_agentd.conf\"",
                    sys, "services.exe")
                    : c.emit.running(h, t, "/usr/sbin/zabbix_agentd", "/usr/sbin/zabbix_agentd: active checks #1 [idle 1 sec]", sys, "zabbix_agentd");
            c.emit.network(h, t, z, "ConnectionSuccess", Infra.ZABBIX.ip(), Infra.ZABBIX.port(), "", "Tcp");
            if (c.chance(50)) {
                c.emit.network(h, c.after(t, 5000), z, "InboundConnectionAccepted", Infra.ZABBIX.ip(), 10050, "", "Tcp");
            }
        } else if (x < 42) {
            Proc z = win ? c.emit.running(h, t, "C:\\Program Files\\Zabbix Agent\\zabbix_agentd.exe",
                    "\"C:\\Program Files\\Zabbix Agent\\zabbix_agentd.exe\" --config \"C:\\Program Files\\Zabbix Agent\\zabbix_agentd.conf\"",
                    sys, "services.exe")
                    : c.emit.running(h, t, "/usr/sbin/zabbix_agentd", "/usr/sbin/zabbix_agentd: active checks #1 [idle 1 sec]", sys, "zabbix_agentd");
            c.emit.network(h, t, z, "ConnectionSuccess", Infra.HTTP_COLLECTOR.ip(), Infra.HTTP_COLLECTOR.port(), "", "Tcp");
        } else if (x < 57 && !win) {
            Proc tg = c.emit.running(h, t, "/usr/bin/telegraf", "/usr/bin/telegraf -config /etc/telegraf/telegraf.conf -config-directory"
                    + " /etc/telegraf/telegraf.d", User.local("telegraf", h.shortName()), "systemd");
            c.emit.network(h, t, tg, "ConnectionSuccess", Infra.INFLUX.ip(), Infra.INFLUX.port(), Infra.INFLUX.host(), "Tcp");
        } else if (x < 67) {
            Proc uf = win ? c.emit.running(h, t, "C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunkd.exe",
                    "\"C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunkd.exe\" service", User.system(), "services.exe")
                    : c.emit.running(h, t, "/opt/splunkforwarder/bin/splunkd", "splunkd --under-systemd --systemd-delegate=yes -p 8089 _internal_launch_under_systemd",
                    User.local("splunkfwd", h.shortName()), "systemd");
            c.emit.network(h, t, uf, "ConnectionSuccess", Infra.SPLUNK.ip(), Infra.SPLUNK.port(), "", "Tcp");
        } else if (x < 77 && !win) {
            Proc fb = c.emit.running(h, t, "/usr/share/filebeat/bin/filebeat", "/usr/share/filebeat/bin/filebeat --environment systemd"
                    + " -c /etc/filebeat/filebeat.yml --path.home /usr/share/filebeat", User.root(h.shortName()), "systemd");
            c.emit.network(h, t, fb, "ConnectionSuccess", Infra.LOGSTASH.ip(), Infra.LOGSTASH.port(), "", "Tcp");
        } else if (x < 87 && !win) {
            Proc ne = c.emit.running(h, t, "/usr/local/bin/node_exporter", "/usr/local/bin/node_exporter --collector.systemd",
                    User.local("node_exporter", h.shortName()), "systemd");
            c.emit.network(h, t, ne, "InboundConnectionAccepted", Infra.PROMETHEUS_IP, 9100, "", "Tcp");
        } else if (win) {
            Proc scom = c.emit.running(h, t, "C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\HealthService.exe",
                    "\"C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\HealthService.exe\"", User.system(), "services.exe");
            c.emit.network(h, t, scom, "ConnectionSuccess", Infra.SCOM_IP, 5723, "", "Tcp");
        } else {
            Proc dd = c.emit.running(h, t, "/opt/datadog-agent/bin/agent/agent", "/opt/datadog-agent/bin/agent/agent run"
                    + " -p /opt/datadog-agent/run/agent.pid", User.local("dd-agent", h.shortName()), "systemd");
            Procs.connect(c, h, t, dd, Sites.DATADOG, 1);
        }
    }

    /** Everyday process creation and housekeeping: scheduled tasks, logrotate, NTP, sshd logins, conhost. */
    static void system(Ctx c) {
        Host h = c.estate.pick(c.r, Role.OFFICE, Role.DEVELOPER, Role.SERVER, Role.BUILD_AGENT, Role.IT_ADMIN);
        Instant t = c.any();
        switch (h.platform()) {
            case WINDOWS -> {
                Proc sched = Procs.scheduler(c, h, t, User.system());
                String[][] tasks = {
                    {"C:\\Windows\\System32\\taskhostw.exe", "taskhostw.exe Install $(Arg0)"},
                    {"C:\\Windows\\System32\\CompatTelRunner.exe", "C:\\Windows\\system32\\compattelrunner.exe -m:appraiser.dll"
                        + " -f:DoScheduledTelemetryRun -cv:" + c.alnum(22) + ".1"},
                    {"C:\\Windows\\System32\\gpupdate.exe", "gpupdate.exe /target:computer"},
                    {"C:\\Windows\\System32\\wermgr.exe", "C:\\Windows\\system32\\wermgr.exe -upload"},
                    {"C:\\Windows\\System32\\sc.exe", "C:\\Windows\\system32\\sc.exe start wuauserv"},
                    {"C:\\Windows\\System32\\SearchProtocolHost.exe", "\"C:\\Windows\\system32\\SearchProtocolHost.exe\" Global\\UsGthrFltPipeMssGthrPipe"
                        + c.between(1, 99) + "_ Global\\UsGthrCtrlFltPipeMssGthrPipe" + c.between(1, 99) + " 1 -2147483646 \"Software\\Microsoft\\Windows Search\""}};
                String[] task = tasks[c.r.nextInt(tasks.length)];
                Proc p = c.emit.spawn(h, t, sched, task[0], task[1], User.system());
                c.emit.process(h, t, p, sched);
                if (task[0].endsWith("wermgr.exe")) {
                    Procs.connect(c, h, c.after(t, 500), p, Sites.WINDOWS_UPDATE.get(8), 1);
                }
                Proc conhost = c.emit.spawn(h, c.after(t, 5), p, "C:\\Windows\\System32\\conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", User.system());
                c.emit.process(h, conhost.created(), conhost, p);
            }
            case LINUX -> {
                int x = c.r.nextInt(100);
                User root = User.root(h.shortName());
                if (x < 40) {
                    Proc sh = Procs.cronShell(c, h, t, root, "\"test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }\"");
                    Proc lr = c.emit.spawn(h, c.after(t, 100), sh, "/usr/sbin/logrotate", "/usr/sbin/logrotate /etc/logrotate.conf", root);
                    c.emit.process(h, lr.created(), lr, sh);
                } else if (x < 70) {
                    Proc ts = c.emit.running(h, t, "/usr/lib/systemd/systemd-timesyncd", "/lib/systemd/systemd-timesyncd",
                            User.local("systemd-timesync", h.shortName()), "systemd");
                    c.emit.network(h, t, ts, "ConnectionSuccess", Sites.NTP_UBUNTU.ip(c), 123, "", "Udp");
                } else {
                    Proc sshd = c.emit.running(h, t, Procs.SSHD, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", root, "systemd");
                    c.emit.network(h, t, sshd, "InboundConnectionAccepted", "10." + c.between(100, 119) + "." + c.between(0, 255) + "." + c.between(2, 250), 22, "", "Tcp");
                    Proc child = c.emit.spawn(h, c.after(t, 800), sshd, "/usr/sbin/sshd", "sshd: " + c.pick("deploy", "ansible", "root") + " [priv]", root);
                    c.emit.process(h, child.created(), child, sshd);
                }
            }
            case MACOS -> {
                Proc launchd = Procs.scheduler(c, h, t, User.root(h.shortName()));
                Proc p = c.emit.spawn(h, t, launchd, c.pick("/usr/libexec/xpcproxy", "/usr/sbin/spindump", "/usr/libexec/periodic-wrapper"),
                        c.pick("xpcproxy com.apple.mdworker.shared." + c.hex(8), "/usr/sbin/spindump", "/usr/libexec/periodic-wrapper daily"),
                        User.root(h.shortName()));
                c.emit.process(h, t, p, launchd);
            }
        }
    }
}
