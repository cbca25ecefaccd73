package io.egress.bench.benign;

import java.util.function.Consumer;

/**
 * The benign populations of the corpus and their share of the events. The seed's five false-positive
 * categories are explicit: IT FTP uploads ({@link #IT_ADMINS}), DevOps uploads to artifact repositories
 * ({@link #DEVELOPERS}, {@link #BUILD_AGENTS}), monitoring agents and backup tools on non-standard ports to
 * internal infrastructure ({@link #MONITORING}, {@link #BACKUP}), the authorized scanner ({@link #SCANNERS})
 * and mail relays and notification mail ({@link #MAIL}).
 */
public enum Population {
    BROWSERS(0.27, "Chrome, Edge, Firefox, Safari: public sites on 443, OCSP/CRL and a few sites on 80, CDN and telemetry names",
            WebActivity::browse),
    OFFICE_APPS(0.10, "Outlook, Teams, OneDrive, Word, Slack, Zoom to their cloud services", WebActivity::officeApps),
    DEVELOPERS(0.15, "git, npm, pip, Maven, Docker, curl to APIs, curl -X POST JSON to internal services, curl -T to Nexus, wget, dig/nslookup, ssh/scp",
            DevActivity::developer),
    PACKAGE_MANAGERS(0.05, "apt over http, dnf, Homebrew (curl), Chocolatey, winget", DevActivity::packages),
    BUILD_AGENTS(0.09, "Jenkins/GitLab/Azure DevOps agents: tar/7z then curl/jf/mvn/npm upload to Nexus and Artifactory over http, "
            + "python -m http.server on 127.0.0.1, docker push", InfraActivity::buildAgent),
    IT_ADMINS(0.05, "WinSCP/FileZilla/ftp.exe uploads to ftp01/ftp02, PowerShell remoting, Send-MailMessage via the relay, robocopy, "
            + "RDP, TFTP firmware pushes", OpsActivity::itAdmin),
    UPDATES(0.07, "Windows Update, Defender, MDE sensor, Office Click-to-Run and Google Update over http, Apple software update",
            WebActivity::updates),
    BACKUP(0.03, "restic to the REST server over http, rclone to MinIO and to S3 offsite, Veeam agents", InfraActivity::backup),
    MONITORING(0.10, "Zabbix to the datacenter range, the HTTP collector on 8080, Telegraf, Splunk UF, Filebeat, node_exporter, SCOM, Datadog",
            InfraActivity::monitoring),
    SCANNERS(0.02, "SCAN01 (svc_nessus): Nessus and nmap against the external range", OpsActivity::scanner),
    MAIL(0.02, "blat nightly reports via mailrelay01, cron mail (sendmail/postfix), the relay to the provider smarthost, a legacy app on 25",
            OpsActivity::mail),
    SYSTEM(0.05, "scheduled tasks, conhost, logrotate, NTP, sshd logins, launchd jobs", InfraActivity::system);

    private final double share;
    private final String description;
    private final Consumer<Ctx> activity;

    Population(double share, String description, Consumer<Ctx> activity) {
        this.share = share;
        this.description = description;
        this.activity = activity;
    }

    public double share() {
        return share;
    }

    public String description() {
        return description;
    }

    void run(Ctx c) {
        activity.accept(c);
    }
}
