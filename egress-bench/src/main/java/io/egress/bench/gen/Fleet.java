package io.egress.bench.gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The devices, users and long-lived parent processes of a generated estate. Every fourth device runs
 * Linux; the rest run Windows. Built once per data set, deterministically from the seed.
 */
public final class Fleet {
    private static final String[] FIRST = {"a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y"};
    private static final String[] LAST = {"smith", "johnson", "garcia", "miller", "davis", "martinez", "lopez", "wilson",
        "anderson", "thomas", "moore", "jackson", "martin", "lee", "thompson", "white", "harris", "clark", "lewis", "walker",
        "young", "allen", "king", "wright", "scott", "nguyen", "hill", "adams", "baker", "nelson", "carter", "mitchell",
        "perez", "roberts", "turner", "phillips", "campbell", "parker", "evans", "edwards", "collins", "stewart", "morris",
        "murphy", "cook", "rogers", "morgan", "peterson", "cooper", "reed", "bailey", "bell", "kelly", "howard", "ward"};

    /** A parent image, how often it is running, what started it and whether it runs as the machine. */
    private record ParentKind(String image, int weight, String parent, boolean system, String commandLine) {
    }

    private static final List<ParentKind> WINDOWS_PARENTS = List.of(
            new ParentKind("explorer.exe", 30, "userinit.exe", false, "C:\\Windows\\Explorer.EXE"),
            new ParentKind("services.exe", 10, "wininit.exe", true, "C:\\Windows\\system32\\services.exe"),
            new ParentKind("svchost.exe", 14, "services.exe", true, "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule"),
            new ParentKind("cmd.exe", 14, "explorer.exe", false, "\"C:\\Windows\\system32\\cmd.exe\" "),
            new ParentKind("powershell.exe", 10, "explorer.exe", false,
                    "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoLogo"),
            new ParentKind("Code.exe", 5, "explorer.exe", false, "\"C:\\Program Files\\Microsoft VS Code\\Code.exe\" "),
            new ParentKind("devenv.exe", 3, "explorer.exe", false,
                    "\"C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\Common7\\IDE\\devenv.exe\" C:\\src\\Portal\\Portal.sln"),
            new ParentKind("chrome.exe", 9, "explorer.exe", false, "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" "),
            new ParentKind("OUTLOOK.EXE", 3, "explorer.exe", false,
                    "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" "));
    private static final List<ParentKind> LINUX_PARENTS = List.of(
            new ParentKind("systemd", 10, "", true, "/sbin/init"),
            new ParentKind("bash", 22, "sshd", false, "-bash"),
            new ParentKind("sshd", 5, "systemd", true, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"),
            new ParentKind("cron", 8, "systemd", true, "/usr/sbin/cron -f -P"),
            new ParentKind("python3", 4, "bash", false, "python3 /opt/etl/run.py --config /etc/etl/prod.yaml"));

    private final List<Device> devices;
    private final List<Account> users;
    private final List<ProcessInstance> processes;
    private final Map<String, List<ProcessInstance>> byImage = new HashMap<>();
    private final Map<Os, List<ProcessInstance>> byOs = new HashMap<>();

    private Fleet(List<Device> devices, List<Account> users, List<ProcessInstance> processes) {
        this.devices = List.copyOf(devices);
        this.users = List.copyOf(users);
        this.processes = List.copyOf(processes);
        for (ProcessInstance p : processes) {
            byImage.computeIfAbsent(p.image().fileName(), k -> new ArrayList<>()).add(p);
            byOs.computeIfAbsent(p.device().os(), k -> new ArrayList<>()).add(p);
        }
    }

    public static Fleet build(GeneratorConfig config, SplittableRandom r) {
        List<Account> users = new ArrayList<>();
        for (int i = 0; i < config.users(); i++) {
            String name = FIRST[i % FIRST.length] + LAST[(i / FIRST.length) % LAST.length];
            if (i >= FIRST.length * LAST.length) {
                name += i / (FIRST.length * LAST.length);
            }
            String objectId = String.format("%08x-%04x-4%03x-a%03x-%012x", r.nextInt() & 0xffffffffL, r.nextInt(0x10000),
                    r.nextInt(0x1000), r.nextInt(0x1000), r.nextLong() & 0xffffffffffffL);
            users.add(new Account(name, "contoso", "S-1-5-21-1004336348-1177238915-682003330-" + (1100 + i),
                    name + "@contoso.com", objectId));
        }
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < config.devices(); i++) {
            Os os = i % 4 == 3 ? Os.LINUX : Os.WINDOWS;
            String name = os == Os.WINDOWS
                    ? String.format(Locale.ROOT, "%s-%04d.corp.contoso.com", i % 10 == 0 ? "srv" : "wks", i)
                    : String.format(Locale.ROOT, "lnx-%04d.prod.contoso.com", i);
            String id = String.format("%016x%016x%08x", r.nextLong(), r.nextLong(), r.nextInt());
            String ip = "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (1 + i % 254);
            devices.add(new Device(id, name, os, ip, users.get(i % users.size())));
        }
        List<ProcessInstance> processes = new ArrayList<>();
        for (int i = 0; i < config.processes(); i++) {
            Device device = devices.get(i < devices.size() ? i : r.nextInt(devices.size()));
            processes.add(newParent(device, users, config.now(), r));
        }
        return new Fleet(devices, users, processes);
    }

    private static ProcessInstance newParent(Device device, List<Account> users, Instant now, SplittableRandom r) {
        List<ParentKind> kinds = device.os() == Os.WINDOWS ? WINDOWS_PARENTS : LINUX_PARENTS;
        ParentKind kind = Weighted.pick(kinds, ParentKind::weight, r);
        Account account;
        if (kind.system()) {
            account = device.os() == Os.WINDOWS ? Account.windowsSystem() : Account.linuxRoot(device.shortName());
        } else if (r.nextInt(10) == 0) {
            account = users.get(r.nextInt(users.size()));
        } else {
            account = device.primaryUser();
        }
        if (device.os() == Os.LINUX && !kind.system()) {
            account = new Account(account.name(), device.shortName(), "", "", "");
        }
        Instant created = now.minusSeconds(40 * 3600 + r.nextLong(7 * 24 * 3600));
        Instant parentCreated = created.minusSeconds(1 + r.nextLong(24 * 3600));
        long pid = device.os() == Os.WINDOWS ? 4L * (100 + r.nextInt(6000)) : 300 + r.nextInt(400_000);
        long parentPid = device.os() == Os.WINDOWS ? 4L * (100 + r.nextInt(6000)) : (kind.parent().equals("systemd") ? 1 : 300 + r.nextInt(400_000));
        String integrity = device.os() == Os.LINUX ? "" : kind.system() ? "System" : "Medium";
        String elevation = device.os() == Os.LINUX ? "" : kind.system() ? "TokenElevationTypeDefault" : "TokenElevationTypeLimited";
        long logonId = kind.system() ? 999 : 100_000 + r.nextInt(9_000_000);
        long session = kind.system() ? 0 : 1 + r.nextInt(3);
        return new ProcessInstance(device, account, Images.get(kind.image()), pid, kind.commandLine(), created,
                kind.parent(), parentPid, parentCreated, logonId, session, integrity, elevation,
                Long.toString(r.nextLong(1L << 40)));
    }

    public List<Device> devices() {
        return devices;
    }

    public List<Account> users() {
        return users;
    }

    public List<ProcessInstance> processes() {
        return processes;
    }

    /** Whether any device runs this OS. */
    public boolean has(Os os) {
        return byOs.containsKey(os);
    }

    /**
     * A running process of the wanted image, or of the same OS when the fleet has none of that image,
     * or any process when the fleet has no device of that OS.
     */
    public ProcessInstance parent(String imageName, Os os, SplittableRandom r) {
        List<ProcessInstance> candidates = byImage.get(imageName);
        if (candidates == null || candidates.isEmpty()) {
            candidates = byOs.getOrDefault(os, processes);
        }
        return candidates.get(r.nextInt(candidates.size()));
    }
}
