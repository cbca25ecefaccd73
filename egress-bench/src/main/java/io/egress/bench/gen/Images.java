package io.egress.bench.gen;

import java.util.LinkedHashMap;
import java.util.Map;

/** The catalogue of executables the generator draws from, by file name. */
public final class Images {
    private static final String MS = "Microsoft Corporation";
    private static final String WINDOWS = "Microsoft\u00ae Windows\u00ae Operating System";
    private static final String WINVER = "10.0.22621.3880";
    private static final String SYS32 = "C:\\Windows\\System32";
    private static final Map<String, Image> BY_NAME = build();

    private Images() {
    }

    /** The image with this file name; an unknown name is a bug in a spec table. */
    public static Image get(String fileName) {
        Image image = BY_NAME.get(fileName);
        if (image == null) {
            throw new IllegalArgumentException("no image " + fileName);
        }
        return image;
    }

    private static Map<String, Image> build() {
        Map<String, Image> m = new LinkedHashMap<>();
        win(m, "explorer.exe", "C:\\Windows", MS, WINDOWS, "Windows Explorer", WINVER, 5_568_120, "OsVendor");
        win(m, "services.exe", SYS32, MS, WINDOWS, "Services and Controller app", WINVER, 737_664, "OsVendor");
        win(m, "svchost.exe", SYS32, MS, WINDOWS, "Host Process for Windows Services", WINVER, 57_360, "OsVendor");
        win(m, "lsass.exe", SYS32, MS, WINDOWS, "Local Security Authority Process", WINVER, 71_480, "OsVendor");
        win(m, "cmd.exe", SYS32, MS, WINDOWS, "Windows Command Processor", WINVER, 339_968, "OsVendor");
        win(m, "conhost.exe", SYS32, MS, WINDOWS, "Console Window Host", WINVER, 1_008_640, "OsVendor");
        win(m, "powershell.exe", SYS32 + "\\WindowsPowerShell\\v1.0", MS, WINDOWS, "Windows PowerShell", WINVER, 455_680, "OsVendor");
        win(m, "taskhostw.exe", SYS32, MS, WINDOWS, "Host Process for Windows Tasks", WINVER, 102_400, "OsVendor");
        win(m, "WmiPrvSE.exe", SYS32 + "\\wbem", MS, WINDOWS, "WMI Provider Host", WINVER, 532_480, "OsVendor");
        win(m, "RuntimeBroker.exe", SYS32, MS, WINDOWS, "Runtime Broker", WINVER, 147_456, "OsVendor");
        win(m, "msiexec.exe", SYS32, MS, WINDOWS, "Windows\u00ae installer", WINVER, 69_120, "OsVendor");
        win(m, "notepad.exe", SYS32, MS, WINDOWS, "Notepad", WINVER, 201_216, "OsVendor");
        win(m, "nslookup.exe", SYS32, MS, WINDOWS, "nslookup", WINVER, 102_400, "OsVendor");
        win(m, "PING.EXE", SYS32, MS, WINDOWS, "TCP/IP Ping Command", WINVER, 20_480, "OsVendor");
        win(m, "ipconfig.exe", SYS32, MS, WINDOWS, "IP Configuration Utility", WINVER, 36_864, "OsVendor");
        win(m, "whoami.exe", SYS32, MS, WINDOWS, "whoami - displays logged on user information", WINVER, 73_728, "OsVendor");
        win(m, "tasklist.exe", SYS32, MS, WINDOWS, "Lists the current running tasks", WINVER, 98_304, "OsVendor");
        win(m, "Robocopy.exe", SYS32, MS, WINDOWS, "Microsoft Robocopy", WINVER, 135_168, "OsVendor");
        win(m, "ftp.exe", SYS32, MS, WINDOWS, "File Transfer Program", WINVER, 55_296, "OsVendor");
        win(m, "TFTP.EXE", SYS32, MS, WINDOWS, "Trivial File Transfer Protocol Client", WINVER, 24_064, "OsVendor");
        win(m, "curl.exe", SYS32, "curl, https://curl.se/", "The curl executable", "The curl executable", "8.7.1", 626_688, "OsVendor");
        win(m, "MsMpEng.exe", "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0", MS,
                "Microsoft\u00ae Windows\u00ae Operating System", "Antimalware Service Executable", "4.18.24090.11", 133_640, "Microsoft");
        win(m, "chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application", "Google LLC", "Google Chrome", "Google Chrome",
                "131.0.6778.86", 3_044_120, "ThirdParty");
        win(m, "msedge.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application", MS, "Microsoft Edge", "Microsoft Edge",
                "131.0.2903.70", 4_114_992, "Microsoft");
        win(m, "firefox.exe", "C:\\Program Files\\Mozilla Firefox", "Mozilla Corporation", "Firefox", "Firefox",
                "133.0", 681_064, "ThirdParty");
        win(m, "OUTLOOK.EXE", "C:\\Program Files\\Microsoft Office\\root\\Office16", MS, "Microsoft Outlook", "Microsoft Outlook",
                "16.0.18129.20158", 43_201_904, "Microsoft");
        win(m, "ms-teams.exe", "C:\\Program Files\\WindowsApps\\MSTeams_24295.606.3238.6194_x64__8wekyb3d8bbwe", MS,
                "Microsoft Teams", "Microsoft Teams", "24295.606.3238.6194", 12_107_104, "Microsoft");
        win(m, "OneDrive.exe", "C:\\Program Files\\Microsoft OneDrive", MS, "Microsoft OneDrive", "Microsoft OneDrive",
                "24.226.1110.4", 3_564_352, "Microsoft");
        win(m, "git.exe", "C:\\Program Files\\Git\\cmd", "The Git Development Community", "Git", "Git for Windows",
                "2.47.1.1", 45_584, "ThirdParty");
        win(m, "git-remote-https.exe", "C:\\Program Files\\Git\\mingw64\\libexec\\git-core", "The Git Development Community", "Git",
                "Git for Windows", "2.47.1.1", 3_869_240, "ThirdParty");
        win(m, "Code.exe", "C:\\Program Files\\Microsoft VS Code", MS, "Visual Studio Code", "Visual Studio Code",
                "1.95.3", 168_524_136, "Microsoft");
        win(m, "devenv.exe", "C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\Common7\\IDE", MS,
                "Microsoft\u00ae Visual Studio\u00ae", "Microsoft Visual Studio 2022", "17.12.35514.174", 1_079_200, "Microsoft");
        win(m, "MSBuild.exe", "C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\MSBuild\\Current\\Bin\\amd64", MS,
                "Microsoft\u00ae Build Tools\u00ae", "MSBuild.exe", "17.12.12.57101", 374_696, "Microsoft");
        win(m, "VBCSCompiler.exe", "C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\MSBuild\\Current\\Bin\\Roslyn", MS,
                "Microsoft .NET Compiler Platform (Roslyn)", "VBCSCompiler", "4.12.0", 58_272, "Microsoft");
        win(m, "Veeam.EndPoint.Service.exe", "C:\\Program Files\\Veeam\\Endpoint Backup", "Veeam Software Group GmbH",
                "Veeam Agent for Microsoft Windows", "Veeam Agent for Microsoft Windows Service", "6.2.0.121", 1_843_712, "ThirdParty");
        win(m, "7z.exe", "C:\\Program Files\\7-Zip", "Igor Pavlov", "7-Zip", "7-Zip Console", "24.08", 566_272, "ThirdParty");
        win(m, "mysqldump.exe", "C:\\Program Files\\MySQL\\MySQL Server 8.0\\bin", "Oracle Corporation", "MySQL Server",
                "mysqldump", "8.0.40", 7_151_616, "ThirdParty");
        win(m, "WinSCP.exe", "C:\\Program Files (x86)\\WinSCP", "Martin Prikryl", "WinSCP", "WinSCP: SFTP, FTP, WebDAV, S3 and SCP client",
                "6.3.5.0", 28_160_072, "ThirdParty");
        win(m, "filezilla.exe", "C:\\Program Files\\FileZilla FTP Client", "FileZilla Project", "FileZilla", "FileZilla FTP Client",
                "3.68.1", 10_452_496, "ThirdParty");
        win(m, "blat.exe", "C:\\ProgramData\\blat", "", "", "", "", 139_264, "Unknown");
        win(m, "rclone.exe", "C:\\Users\\Public\\Downloads", "https://rclone.org", "Rclone", "Rsync for cloud storage",
                "1.68.2", 61_911_040, "Unknown");
        win(m, "python.exe", "C:\\Program Files\\Python312", "Python Software Foundation", "Python", "Python", "3.12.7", 103_192, "ThirdParty");
        win(m, "node.exe", "C:\\Program Files\\nodejs", "Node.js", "Node.js", "Node.js JavaScript Runtime", "22.11.0", 88_000_000, "ThirdParty");
        for (String name : new String[] {"systemd", "bash", "sh", "sshd", "cron", "curl", "wget", "git", "python3", "ssh", "scp",
                "sftp", "lftp", "ncftp", "dig", "nslookup", "iodine", "dnscat", "dnscat2", "swaks", "msmtp", "sendmail", "restic",
                "rsync", "tar", "grep", "dockerd", "apt-get", "nc", "systemd-resolved", "chronyd", "run-parts", "logrotate"}) {
            m.put(name, Image.linux(name, linuxFolder(name), 40_000 + (long) Math.abs(name.hashCode() % 900_000)));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String linuxFolder(String name) {
        return switch (name) {
            case "systemd", "systemd-resolved" -> "/usr/lib/systemd";
            case "sshd", "cron", "sendmail", "chronyd", "logrotate" -> "/usr/sbin";
            case "bash", "sh" -> "/bin";
            case "iodine", "dnscat" -> "/tmp/.cache";
            case "dnscat2" -> "/opt/dnscat2/client";
            default -> "/usr/bin";
        };
    }

    private static void win(Map<String, Image> m, String fileName, String folder, String company, String product,
                            String description, String version, long size, String signer) {
        m.put(fileName, Image.windows(fileName, folder, company, product, description, version, size, signer));
    }
}
