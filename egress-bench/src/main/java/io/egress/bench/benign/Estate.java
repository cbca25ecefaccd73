package io.egress.bench.benign;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The hosts and users of the generated estate, built deterministically from the seed: office
 * workstations, developer machines (Windows, macOS, Linux), IT admin workstations, build agents, Linux and
 * Windows servers, and the fixed hosts the seed's tuning names (SCAN01, mailrelay01, a backup server and a
 * report server).
 */
public final class Estate {
    private static final String[] FIRST = {"a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y"};
    private static final String[] LAST = {"kumar", "doe", "smith", "garcia", "nguyen", "mueller", "rossi", "kowalski", "tanaka",
        "okafor", "silva", "dubois", "novak", "larsen", "khan", "cohen", "murphy", "jensen", "moreau", "schmidt", "ivanova",
        "haddad", "olsen", "fischer", "santos", "yilmaz", "costa", "berg", "walsh", "park"};

    private final List<Host> hosts;
    private final Map<Role, List<Host>> byRole = new EnumMap<>(Role.class);

    private Estate(List<Host> hosts) {
        this.hosts = List.copyOf(hosts);
        for (Host host : hosts) {
            byRole.computeIfAbsent(host.role(), k -> new ArrayList<>()).add(host);
        }
    }

    public static Estate build(BenignConfig config) {
        SplittableRandom r = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        List<Host> hosts = new ArrayList<>();
        hosts.add(host(r, "SCAN01", Platform.WINDOWS, Role.SCANNER, "10.20.9.5", domainUser("svc_nessus", 9001)));
        hosts.add(host(r, "mailrelay01", Platform.LINUX, Role.MAIL_RELAY, Infra.MAIL_RELAY.ip(), User.root("mailrelay01")));
        hosts.add(host(r, "bkp01", Platform.LINUX, Role.BACKUP_SERVER, "10.20.4.5", User.root("bkp01")));
        hosts.add(host(r, "srv-rpt01", Platform.WINDOWS, Role.REPORT_SERVER, "10.20.7.10", domainUser("svc_reports", 9002)));
        int rest = config.devices() - hosts.size();
        int[] counts = {
            (int) Math.round(rest * 0.46), (int) Math.round(rest * 0.20), Math.max(2, (int) Math.round(rest * 0.04)),
            Math.max(2, (int) Math.round(rest * 0.05))};
        int servers = rest - counts[0] - counts[1] - counts[2] - counts[3];
        int userIndex = 0;
        for (int i = 0; i < counts[0]; i++) {
            Platform p = r.nextInt(100) < 85 ? Platform.WINDOWS : Platform.MACOS;
            User u = person(userIndex++, p);
            hosts.add(host(r, (p == Platform.WINDOWS ? "ws-ofc-" : "mac-ofc-") + num(i), p, Role.OFFICE, lan(r), u));
        }
        for (int i = 0; i < counts[1]; i++) {
            int x = r.nextInt(100);
            Platform p = x < 45 ? Platform.WINDOWS : x < 80 ? Platform.MACOS : Platform.LINUX;
            User u = person(userIndex++, p);
            String prefix = switch (p) {
                case WINDOWS -> "ws-dev-";
                case MACOS -> "mac-dev-";
                case LINUX -> "lnx-dev-";
            };
            hosts.add(host(r, prefix + num(i), p, Role.DEVELOPER, lan(r), u));
        }
        for (int i = 0; i < counts[2]; i++) {
            hosts.add(host(r, "it-ops" + String.format(Locale.ROOT, "%02d", i + 1), Platform.WINDOWS, Role.IT_ADMIN, lan(r),
                    person(userIndex++, Platform.WINDOWS)));
        }
        for (int i = 0; i < counts[3]; i++) {
            boolean linux = i % 3 != 2;
            String name = (linux ? "build-lnx-" : "build-win-") + String.format(Locale.ROOT, "%02d", i + 1);
            User u = linux ? User.local(r.nextBoolean() ? "jenkins" : "gitlab-runner", name) : domainUser("svc_build", 9003);
            hosts.add(host(r, name, linux ? Platform.LINUX : Platform.WINDOWS, Role.BUILD_AGENT, "10.20.10." + (10 + i), u));
        }
        for (int i = 0; i < servers; i++) {
            boolean linux = r.nextInt(100) < 70;
            String name = (linux ? "srv-lnx-" : "srv-win-") + num(i);
            hosts.add(host(r, name, linux ? Platform.LINUX : Platform.WINDOWS, Role.SERVER,
                    "10.20." + (20 + i / 250) + "." + (1 + i % 250), linux ? User.root(name) : User.system()));
        }
        return new Estate(hosts);
    }

    private static String num(int i) {
        return String.format(Locale.ROOT, "%04d", i + 1);
    }

    private static String lan(SplittableRandom r) {
        return "10." + (100 + r.nextInt(20)) + "." + r.nextInt(256) + "." + (2 + r.nextInt(250));
    }

    private static User person(int index, Platform platform) {
        String name = FIRST[index % FIRST.length] + "." + LAST[(index / FIRST.length) % LAST.length]
                + (index >= FIRST.length * LAST.length ? Integer.toString(index / (FIRST.length * LAST.length)) : "");
        return switch (platform) {
            case WINDOWS -> domainUser(name, 1100 + index);
            case MACOS, LINUX -> new User(name.replace(".", ""), "", "", name + "@" + Infra.DOMAIN);
        };
    }

    private static User domainUser(String name, int rid) {
        return new User(name, "corp", "S-1-5-21-3623811015-3361044348-30300820-" + rid, name + "@" + Infra.DOMAIN);
    }

    private static Host host(SplittableRandom r, String shortName, Platform p, Role role, String ip, User user) {
        String id = String.format(Locale.ROOT, "%016x%016x%08x", r.nextLong(), r.nextLong(), r.nextInt());
        String fixedUser = user.domain().isEmpty() && p != Platform.WINDOWS ? shortName : user.domain();
        User u = p == Platform.WINDOWS ? user : new User(user.name(), fixedUser, user.sid(), user.upn());
        return new Host(id, shortName + "." + Infra.DOMAIN, p, role, ip, u);
    }

    public List<Host> hosts() {
        return hosts;
    }

    public List<Host> of(Role role) {
        return byRole.getOrDefault(role, List.of());
    }

    /** A random host of one of the roles (weighted by how many hosts each role has). */
    public Host pick(SplittableRandom r, Role... roles) {
        int total = 0;
        for (Role role : roles) {
            total += of(role).size();
        }
        int ticket = r.nextInt(total);
        for (Role role : roles) {
            List<Host> list = of(role);
            if (ticket < list.size()) {
                return list.get(ticket);
            }
            ticket -= list.size();
        }
        throw new IllegalStateException("unreachable");
    }
}
