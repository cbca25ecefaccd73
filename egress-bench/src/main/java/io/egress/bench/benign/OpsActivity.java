package io.egress.bench.benign;

import java.time.Instant;
import java.util.List;

/** IT administrators, the authorized scanner and mail (notifications through the relay, the relay itself). */
final class OpsActivity {
    private OpsActivity() {
    }

    static void itAdmin(Ctx c) {
        Host h = c.estate.pick(c.r, Role.IT_ADMIN);
        Instant t = c.work();
        Proc explorer = c.emit.running(h, t, Procs.EXPLORER, "C:\\Windows\\Explorer.EXE", h.user(), "userinit.exe");
        int x = c.r.nextInt(100);
        if (x < 22) {
            ftpUpload(c, h, t, explorer);
        } else if (x < 45) {
            remoting(c, h, t, explorer);
        } else if (x < 60) {
            sendMail(c, h, t, explorer);
        } else if (x < 75) {
            robocopy(c, h, t, explorer);
        } else if (x < 85) {
            Proc ps = ps(c, h, t, explorer, "Resolve-DnsName -Name _ldap._tcp.dc._msdcs.corp.example.com -Type SRV");
            c.emit.powershell(h, c.after(t, 400), ps, "Resolve-DnsName");
            c.emit.dns(h, c.after(t, 450), ps, "_ldap._tcp.dc._msdcs.corp.example.com", List.of("10.20.0.11", "10.20.0.12"));
        } else if (x < 93) {
            Proc mstsc = c.emit.spawn(h, t, explorer, "C:\\Windows\\System32\\mstsc.exe", "\"C:\\Windows\\system32\\mstsc.exe\" /v:srv-win-"
                    + String.format("%04d", c.between(1, 40)) + "." + Infra.DOMAIN);
            c.emit.process(h, t, mstsc, explorer);
            c.emit.network(h, c.after(t, 500), mstsc, "ConnectionSuccess", c.privateIp(), 3389, "", "Tcp");
        } else {
            // firmware push to a switch over TFTP, from the network team's admin workstation
            Proc cmd = c.emit.spawn(h, t, explorer, Procs.CMD, "\"C:\\Windows\\system32\\cmd.exe\" ");
            Proc tftp = c.emit.spawn(h, c.after(t, 5000), cmd, "C:\\Windows\\System32\\TFTP.EXE",
                    "tftp -i 10.30.0." + c.between(2, 40) + " PUT C:\\Firmware\\c2960x-universalk9-mz.152-7.E10.bin");
            c.emit.process(h, c.after(t, 5000), tftp, cmd);
            c.emit.network(h, c.after(t, 5200), tftp, "ConnectionSuccess", "10.30.0." + c.between(2, 40), 69, "", "Udp");
        }
    }

    private static Proc ps(Ctx c, Host h, Instant t, Proc parent, String command) {
        Proc ps = c.emit.spawn(h, t, parent, Procs.POWERSHELL, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -Command \""
                + command.replace("\"", "'") + "\"");
        c.emit.process(h, t, ps, parent);
        return ps;
    }

    /** FTP uploads of builds to the internal FTP servers: WinSCP scripting and FileZilla (tuned in the seed), and ftp.exe scripts. */
    private static void ftpUpload(Ctx c, Host h, Instant t, Proc explorer) {
        Infra.Service ftp = c.chance(60) ? Infra.FTP01 : Infra.FTP02;
        String release = "Release_2026.11." + c.between(1, 30);
        int x = c.r.nextInt(100);
        Proc client;
        if (x < 55) {
            client = c.emit.spawn(h, t, explorer, "C:\\Program Files (x86)\\WinSCP\\WinSCP.com", "\"C:\\Program Files (x86)\\WinSCP\\WinSCP.com\""
                    + " /log=C:\\Logs\\winscp-upload.log /ini=nul /command \"open ftp://deploy@" + ftp.host() + "/\" \"put C:\\Builds\\"
                    + release + "\\*.zip /releases/\" \"exit\"");
        } else if (x < 80) {
            client = c.emit.spawn(h, t, explorer, "C:\\Program Files\\FileZilla FTP Client\\filezilla.exe",
                    "\"C:\\Program Files\\FileZilla FTP Client\\filezilla.exe\" ftp://deploy@" + ftp.host() + "/releases/");
        } else {
            Proc cmd = c.emit.spawn(h, t, explorer, Procs.CMD, "\"C:\\Windows\\system32\\cmd.exe\" ");
            c.emit.process(h, t, cmd, explorer);
            client = c.emit.spawn(h, c.after(t, 3000), cmd, "C:\\Windows\\System32\\ftp.exe", "ftp  -i -s:C:\\Scripts\\upload_"
                    + c.pick("build", "patches", "drivers") + ".txt " + ftp.host());
            explorer = cmd;
        }
        c.emit.process(h, client.created(), client, explorer);
        Procs.connect(c, h, c.after(client.created(), 300), client, ftp);
        c.emit.network(h, c.after(client.created(), 900), client, "ConnectionSuccess", ftp.ip(), 50000 + c.between(0, 100), ftp.host(), "Tcp");
    }

    /** PowerShell remoting to servers (WinRM 5985). */
    private static void remoting(Ctx c, Host h, Instant t, Proc explorer) {
        String server = "srv-win-" + String.format("%04d", c.between(1, 40));
        String block = c.pick("Get-Service W3SVC", "Restart-Service Spooler", "Get-EventLog -LogName System -Newest 50",
                "Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5", "Get-PSDrive C");
        Proc ps = ps(c, h, t, explorer, "Invoke-Command -ComputerName " + server + " -ScriptBlock { " + block + " }");
        c.emit.powershell(h, c.after(t, 300), ps, "Invoke-Command");
        c.emit.powershell(h, c.after(t, 600), ps, block.split(" ")[0]);
        Procs.connect(c, h, c.after(t, 400), ps, new Infra.Service(server + "." + Infra.DOMAIN, c.privateIp(), 5985));
    }

    /** Send-MailMessage through the internal relay (interactive, or a script file). */
    private static void sendMail(Ctx c, Host h, Instant t, Proc explorer) {
        Proc ps;
        if (c.chance(50)) {
            ps = ps(c, h, t, explorer, "Send-MailMessage -SmtpServer mailrelay01.corp.example.com -From it-ops@corp.example.com"
                    + " -To ops-team@corp.example.com -Subject 'Patch window " + c.date(t) + "' -Body 'Servers in ring 2 reboot at 22:00 UTC.'");
        } else {
            ps = c.emit.spawn(h, t, explorer, Procs.POWERSHELL, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\""
                    + " -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\Send-DiskReport.ps1");
            c.emit.process(h, t, ps, explorer);
            c.emit.powershell(h, c.after(t, 300), ps, "Get-CimInstance");
        }
        c.emit.powershell(h, c.after(t, 500), ps, "Send-MailMessage");
        Procs.connect(c, h, c.after(t, 600), ps, Infra.MAIL_RELAY);
    }

    private static void robocopy(Ctx c, Host h, Instant t, Proc explorer) {
        Proc cmd = c.emit.spawn(h, t, explorer, Procs.CMD, "\"C:\\Windows\\system32\\cmd.exe\" ");
        Proc robo = c.emit.spawn(h, c.after(t, 4000), cmd, "C:\\Windows\\System32\\Robocopy.exe", "robocopy \\\\fs01.corp.example.com\\deploy\\"
                + c.pick("app", "drivers", "scripts") + " \\\\srv-win-" + String.format("%04d", c.between(1, 40)) + "\\D$\\Apps /MIR /R:2 /W:5 /NP"
                + " /LOG:C:\\Logs\\robocopy-" + c.date(t) + ".log");
        c.emit.process(h, robo.created(), robo, cmd);
        Proc system = c.emit.running(h, t, "System", "", User.system(), "");
        c.emit.network(h, c.after(robo.created(), 200), system, "ConnectionSuccess", Infra.FILE_SERVER.ip(), 445, "", "Tcp");
    }

    /** The authorized scanner SCAN01: Nessus and nmap (as svc_nessus) probing the organisation's external range. */
    static void scanner(Ctx c) {
        Host h = c.estate.of(Role.SCANNER).get(0);
        Instant t = c.at(c.pick(List.of(9, 13, 21)), 0).plusSeconds(c.between(0, 3 * 3600));
        User svc = h.user();
        Proc scanner;
        if (c.chance(75)) {
            scanner = c.emit.running(h, t, "C:\\Program Files\\Tenable\\Nessus\\nessusd.exe", "\"C:\\Program Files\\Tenable\\Nessus\\nessusd.exe\" -q",
                    svc, "services.exe");
        } else {
            Proc task = Procs.scheduler(c, h, t, svc);
            scanner = c.emit.spawn(h, t, task, "C:\\Program Files (x86)\\Nmap\\nmap.exe", "nmap.exe -sS -sV -p 21,22,25,80,110,143,443,2121,8000,8080,8888"
                    + " -T3 --open -oX C:\\Scans\\ext-" + c.date(t) + ".xml " + Infra.EXTERNAL_PREFIX + "0/26", svc);
            c.emit.process(h, t, scanner, task);
        }
        int probes = c.between(4, 12);
        for (int i = 0; i < probes; i++) {
            int port = c.pick(List.of(21, 22, 25, 80, 110, 143, 443, 2121, 8000, 8080, 8888));
            String action = c.pick("ConnectionSuccess", "ConnectionFailed", "ConnectionAttempt", "ConnectionFailed");
            c.emit.network(h, c.after(t, 200 * (i + 1)), scanner, action, Infra.EXTERNAL_PREFIX + c.between(1, 62), port, "", "Tcp");
        }
    }

    /** Mail: blat notifications through the relay, cron mail, postfix on the relay, a legacy app on port 25 to the provider relay. */
    static void mail(Ctx c) {
        int x = c.r.nextInt(100);
        if (x < 25) {
            Host h = c.estate.of(Role.REPORT_SERVER).get(0);
            Instant t = c.at(c.pick(List.of(5, 6, 7, 17, 18)), 30);
            Proc sched = Procs.scheduler(c, h, t, h.user());
            Proc cmd = c.emit.spawn(h, t, sched, Procs.CMD, "C:\\Windows\\system32\\cmd.exe /c C:\\Jobs\\nightly-report.cmd", h.user());
            c.emit.process(h, t, cmd, sched);
            Proc blat = c.emit.spawn(h, c.after(t, 2000), cmd, "C:\\ProgramData\\blat\\blat.exe", "blat.exe C:\\Reports\\nightly-"
                    + c.date(t) + ".txt -to ops-team@corp.example.com -server mailrelay01.corp.example.com -f reports@corp.example.com"
                    + " -subject \"Nightly report " + c.date(t) + "\" -attach C:\\Reports\\nightly-" + c.date(t) + ".csv");
            c.emit.process(h, blat.created(), blat, cmd);
            Procs.connect(c, h, c.after(blat.created(), 300), blat, Infra.MAIL_RELAY);
        } else if (x < 50) {
            Host h = c.estate.pick(c.r, Role.SERVER, Role.BUILD_AGENT);
            if (h.windows()) {
                Instant t = c.any();
                Proc app = c.emit.running(h, t, "D:\\Apps\\LegacyBilling\\LegacyBilling.Service.exe",
                        "\"D:\\Apps\\LegacyBilling\\LegacyBilling.Service.exe\" -service", User.system(), "services.exe");
                c.emit.network(h, c.after(t, 100), app, "ConnectionSuccess", Infra.SMARTHOST.ip(), 25, "", "Tcp");
                return;
            }
            Instant t = c.any();
            User root = User.root(h.shortName());
            Proc cron = Procs.scheduler(c, h, t, root);
            Proc sendmail = c.emit.spawn(h, t, cron, "/usr/sbin/sendmail", "/usr/sbin/sendmail -FCronDaemon -i -B8BITMIME -oem root", root);
            c.emit.process(h, t, sendmail, cron);
            Proc postdrop = c.emit.spawn(h, c.after(t, 50), sendmail, "/usr/sbin/postdrop", "/usr/sbin/postdrop -r", root);
            c.emit.process(h, c.after(t, 50), postdrop, sendmail);
            Proc smtp = c.emit.running(h, t, "/usr/lib/postfix/sbin/smtp", "smtp -t unix -u -c", User.local("postfix", h.shortName()), "master");
            Procs.connect(c, h, c.after(t, 400), smtp, Infra.MAIL_RELAY);
        } else {
            Host h = c.estate.of(Role.MAIL_RELAY).get(0);
            Instant t = c.any();
            Proc smtpd = c.emit.running(h, t, "/usr/lib/postfix/sbin/smtpd", "smtpd -n smtp -t inet -u -c -o stress=",
                    User.local("postfix", h.shortName()), "master");
            c.emit.network(h, t, smtpd, "InboundConnectionAccepted", c.privateIp(), 25, "", "Tcp");
            Proc smtp = c.emit.running(h, t, "/usr/lib/postfix/sbin/smtp", "smtp -t unix -u -c", User.local("postfix", h.shortName()), "master");
            c.emit.network(h, c.after(t, 900), smtp, "ConnectionSuccess", Infra.SMARTHOST.ip(), 25, Infra.SMARTHOST.host(), "Tcp");
        }
    }
}
