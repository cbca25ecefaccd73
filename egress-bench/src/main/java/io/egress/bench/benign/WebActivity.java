package io.egress.bench.benign;

import java.time.Instant;

/** Browsers, Office/Teams/OneDrive clients, Windows Update and Defender, vendor updaters. */
final class WebActivity {
    private WebActivity() {
    }

    /** A page visit: the browser's network process resolves and connects (mostly 443, some plain-HTTP OCSP/CRL and sites on 80). */
    static void browse(Ctx c) {
        Host h = c.estate.pick(c.r, Role.OFFICE, Role.DEVELOPER, Role.IT_ADMIN);
        Instant t = c.work();
        Proc browser = browser(c, h, t);
        int pages = c.between(1, 3);
        for (int i = 0; i < pages; i++) {
            Site site = c.pick(Sites.BROWSING);
            Procs.connect(c, h, c.after(t, 30_000 * (i + 1)), browser, site, c.between(1, 2));
        }
        if (h.windows() && c.chance(8)) {
            // Chrome's intranet-redirect probe: random single-label names, completed with the DNS suffix, NXDOMAIN
            c.emit.dns(h, c.after(t, 2000), browser, c.alnum(c.between(7, 15)).replaceAll("[0-9]", "q") + "." + Infra.DOMAIN,
                    java.util.List.of());
        }
        if (c.chance(6)) {
            String file = c.pick("Q3-report.pdf", "invoice-88213.pdf", "node-v22.11.0-x64.msi", "meeting-notes.docx",
                    "diagram.png", "dataset.csv");
            String folder = switch (h.platform()) {
                case WINDOWS -> "C:\\Users\\" + h.user().name() + "\\Downloads\\";
                case LINUX -> "/home/" + h.user().name() + "/Downloads/";
                case MACOS -> "/Users/" + h.user().name() + "/Downloads/";
            };
            c.emit.file(h, c.after(t, 60_000), browser, "FileCreated", folder + file, c.between(20_000, 30_000_000),
                    "https://" + c.pick(Sites.BROWSING).name() + "/download/" + file);
        }
    }

    private static Proc browser(Ctx c, Host h, Instant t) {
        return switch (h.platform()) {
            case WINDOWS -> {
                int x = c.r.nextInt(100);
                if (x < 50) {
                    yield c.emit.running(h, t, "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
                            "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=utility --utility-sub-type=network.mojom.NetworkService"
                                    + " --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=" + c.between(2000, 2600)
                                    + " --field-trial-handle=" + c.between(1800, 2100) + ",i,"
                                    + c.r.nextLong(1L << 62) + ",4119716938954011519,262144 /prefetch:11",
                            h.user(), "chrome.exe");
                }
                if (x < 90) {
                    yield c.emit.running(h, t, "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
                            "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --type=utility"
                                    + " --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none"
                                    + " --mojo-platform-channel-handle=" + c.between(2000, 2600) + " /prefetch:11",
                            h.user(), "msedge.exe");
                }
                yield c.emit.running(h, t, "C:\\Program Files\\Mozilla Firefox\\firefox.exe",
                        "\"C:\\Program Files\\Mozilla Firefox\\firefox.exe\" -osint -url https://www.google.com/", h.user(),
                        "explorer.exe");
            }
            case MACOS -> c.chance(60)
                    ? c.emit.running(h, t, "/Applications/Google Chrome.app/Contents/Frameworks/Google Chrome Framework.framework/"
                            + "Versions/131.0.6778.86/Helpers/Google Chrome Helper.app/Contents/MacOS/Google Chrome Helper",
                            "/Applications/Google Chrome.app/Contents/Frameworks/Google Chrome Framework.framework/Versions/131.0.6778.86/"
                                    + "Helpers/Google Chrome Helper.app/Contents/MacOS/Google Chrome Helper --type=utility"
                                    + " --utility-sub-type=network.mojom.NetworkService --lang=en-GB --service-sandbox-type=network",
                            h.user(), "Google Chrome")
                    : c.emit.running(h, t, "/System/Library/Frameworks/WebKit.framework/Versions/A/XPCServices/"
                            + "com.apple.WebKit.Networking.xpc/Contents/MacOS/com.apple.WebKit.Networking",
                            "/System/Library/Frameworks/WebKit.framework/Versions/A/XPCServices/com.apple.WebKit.Networking.xpc/"
                                    + "Contents/MacOS/com.apple.WebKit.Networking", h.user(), "launchd");
            case LINUX -> c.emit.running(h, t, "/usr/lib/firefox/firefox",
                    "/usr/lib/firefox/firefox -contentproc -parentBuildID 20241118123456 -prefsLen 31820 -prefMapSize 244520"
                            + " -appDir /usr/lib/firefox/browser {" + c.hex(8) + "-" + c.hex(4) + "} 4567 true socket",
                    h.user(), "firefox");
        };
    }

    /** Outlook, Teams, OneDrive, Slack, Zoom: long-running clients talking to their services over TLS. */
    static void officeApps(Ctx c) {
        Host h = c.estate.pick(c.r, Role.OFFICE, Role.DEVELOPER, Role.IT_ADMIN);
        Instant t = c.work();
        Proc app = switch (h.platform()) {
            case WINDOWS -> {
                String[][] apps = {
                    {"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" "},
                    {"C:\\Program Files\\WindowsApps\\MSTeams_24295.606.3238.6194_x64__8wekyb3d8bbwe\\ms-teams.exe",
                        "\"C:\\Program Files\\WindowsApps\\MSTeams_24295.606.3238.6194_x64__8wekyb3d8bbwe\\ms-teams.exe\" msteams:system-initiated"},
                    {"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe", "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background"},
                    {"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
                        "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE\" /n \"C:\\Users\\" + h.user().name()
                            + "\\OneDrive - Contoso\\Documents\\Proposal.docx\" /o \"\""}};
                String[] app1 = apps[c.r.nextInt(apps.length)];
                yield c.emit.running(h, t, app1[0], app1[1], h.user(), "explorer.exe");
            }
            case MACOS -> c.emit.running(h, t, "/Applications/Microsoft Outlook.app/Contents/MacOS/Microsoft Outlook",
                    "/Applications/Microsoft Outlook.app/Contents/MacOS/Microsoft Outlook", h.user(), "launchd");
            case LINUX -> c.emit.running(h, t, "/usr/share/teams-for-linux/teams-for-linux",
                    "/usr/share/teams-for-linux/teams-for-linux --type=utility --utility-sub-type=network.mojom.NetworkService",
                    h.user(), "teams-for-linux");
        };
        int n = c.between(1, 3);
        for (int i = 0; i < n; i++) {
            Procs.connect(c, h, c.after(t, 120_000 * (i + 1)), app, c.pick(Sites.OFFICE_APPS), 1);
        }
    }

    /** Windows Update, Defender signature and cloud lookups, Office Click-to-Run and Google Update over http, Apple updates. */
    static void updates(Ctx c) {
        Host h = c.estate.pick(c.r, Role.OFFICE, Role.DEVELOPER, Role.IT_ADMIN, Role.SERVER, Role.BUILD_AGENT);
        Instant t = c.any();
        if (h.platform() == Platform.MACOS) {
            Proc su = c.emit.running(h, t, "/System/Library/PrivateFrameworks/SoftwareUpdate.framework/Resources/softwareupdated",
                    "/System/Library/PrivateFrameworks/SoftwareUpdate.framework/Resources/softwareupdated", User.root(h.shortName()),
                    "launchd");
            Procs.connect(c, h, t, su, c.pick(Sites.APPLE), c.between(1, 2));
            return;
        }
        if (h.platform() == Platform.LINUX) {
            // Defender for Endpoint on Linux: the wdavdaemon cloud connection
            Proc mde = c.emit.running(h, t, "/opt/microsoft/mdatp/sbin/wdavdaemon", "/opt/microsoft/mdatp/sbin/wdavdaemon edr 11 10 --log_level info",
                    User.root(h.shortName()), "wdavdaemon");
            Procs.connect(c, h, t, mde, c.pick(Sites.DEFENDER), 1);
            return;
        }
        User system = User.system();
        int x = c.r.nextInt(100);
        if (x < 35) {
            Proc wu = c.emit.running(h, t, Procs.SVCHOST, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s wuauserv", system,
                    "services.exe");
            Procs.connect(c, h, t, wu, c.pick(Sites.WINDOWS_UPDATE), c.between(1, 3));
        } else if (x < 60) {
            Proc mpeng = c.emit.running(h, t, "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe",
                    "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe\"", system, "services.exe");
            Procs.connect(c, h, t, mpeng, c.pick(Sites.DEFENDER), 1);
        } else if (x < 72) {
            Proc sched = Procs.scheduler(c, h, t, system);
            Proc mpcmd = c.emit.spawn(h, t, sched, "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe",
                    "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe\" -SignatureUpdate -MMPC", system);
            c.emit.process(h, t, mpcmd, sched);
            Procs.connect(c, h, c.after(t, 800), mpcmd, Sites.DEFENDER.get(2), 1);
        } else if (x < 82) {
            Proc sense = c.emit.running(h, t, "C:\\Program Files\\Windows Defender Advanced Threat Protection\\MsSense.exe",
                    "\"MsSense.exe\"", system, "services.exe");
            Procs.connect(c, h, t, sense, Sites.DEFENDER.get(3), 1);
        } else if (x < 92) {
            Proc c2r = c.emit.running(h, t, "C:\\Program Files\\Common Files\\microsoft shared\\ClickToRun\\OfficeClickToRun.exe",
                    "\"C:\\Program Files\\Common Files\\Microsoft Shared\\ClickToRun\\OfficeClickToRun.exe\" /service", system, "services.exe");
            Procs.connect(c, h, t, c2r, Sites.OFFICE_CDN.get(0), c.between(1, 3));
        } else {
            Proc gu = c.emit.running(h, t, "C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe",
                    "\"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe\" /ua /installsource scheduler", system, "svchost.exe");
            c.emit.process(h, t, gu, Procs.scheduler(c, h, t, system));
            Procs.connect(c, h, c.after(t, 900), gu, Sites.site("update.googleapis.com", 443, "142.250.181."), 1);
            if (c.chance(40)) {
                Procs.connect(c, h, c.after(t, 3000), gu, c.pick(Sites.GOOGLE_UPDATE), 1);
            }
        }
    }
}
