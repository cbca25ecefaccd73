package io.egress.bench.benign;

import java.util.ArrayList;
import java.util.List;

/**
 * A public destination: the name a client resolves (with {@code *} standing for a generated label), the
 * CNAME chain the resolver returns, the address block its addresses come from (a /24 prefix ending in a
 * dot) and the port it is reached on.
 */
public record Site(String name, List<String> cnames, String prefix, int port) {
    /** The queried name with generated labels filled in. */
    String resolveName(Ctx c) {
        if (name.indexOf('*') < 0) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '*') {
                b.append(c.alnum(c.between(6, 12)));
            } else if (ch == '#') {
                b.append(c.hex(1));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    String ip(Ctx c) {
        return prefix + c.between(1, 254);
    }

    /** The DNS answers: the CNAME chain, then one to three addresses. */
    List<String> answers(Ctx c, String ip) {
        List<String> out = new ArrayList<>(cnames);
        out.add(ip);
        if (c.chance(50)) {
            out.add(prefix + c.between(1, 254));
        }
        return out;
    }
}
