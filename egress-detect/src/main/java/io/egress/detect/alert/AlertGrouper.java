package io.egress.detect.alert;

import io.egress.detect.rule.BranchDetail;
import io.egress.detect.rule.EventGrouping;
import io.egress.detect.rule.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a rule's hits into alerts. With {@code SingleAlert} grouping (the default), hits of the same
 * branch and entities whose time is within the rule's window ({@code queryPeriod}) of the group's first
 * hit become one alert with a count and first/last time; a hit outside the window starts a new alert.
 * {@code AlertPerResult} makes one alert per hit. Alerts come out newest first.
 */
public final class AlertGrouper {
    private AlertGrouper() {
    }

    public static List<Alert> group(Rule rule, List<Hit> hits) {
        Duration window = rule.queryPeriod();
        List<Hit> ordered = new ArrayList<>(hits);
        ordered.sort(Comparator.comparing(Hit::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<List<Hit>> groups = new ArrayList<>();
        Map<Key, List<Hit>> open = new LinkedHashMap<>();
        for (Hit hit : ordered) {
            if (rule.grouping() == EventGrouping.ALERT_PER_RESULT) {
                groups.add(List.of(hit));
                continue;
            }
            Key key = new Key(hit.branch(), hit.entities());
            List<Hit> current = open.get(key);
            if (current != null && within(current.get(0).time(), hit.time(), window)) {
                current.add(hit);
            } else {
                current = new ArrayList<>();
                current.add(hit);
                open.put(key, current);
                groups.add(current);
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (List<Hit> group : groups) {
            alerts.add(alert(rule, group));
        }
        alerts.sort(Comparator.comparing(Alert::time, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Alert::ruleId));
        return alerts;
    }

    private static boolean within(Instant first, Instant next, Duration window) {
        if (first == null || next == null) {
            return Objects.equals(first, next);
        }
        return !next.isAfter(first.plus(window));
    }

    private static Alert alert(Rule rule, List<Hit> group) {
        Hit first = group.get(0);
        Instant last = group.get(group.size() - 1).time();
        BranchDetail detail = rule.branchDetail(first.branch());
        String confidence = detail.confidence().isBlank() ? rule.confidence() : detail.confidence();
        List<String> techniques = new ArrayList<>(rule.techniques());
        detail.techniques().stream().filter(t -> !techniques.contains(t)).forEach(techniques::add);
        String template = detail.explanation().isBlank() ? rule.explanation() : detail.explanation();
        return new Alert(rule.id(), rule.name(), AlertTitle.format(rule, first), rule.severity(), confidence,
                rule.tactics(), techniques, first.time(), first.time(), last, group.size(), first.branch(),
                first.matched(), first.entities(), first.customDetails(), first.evidence(), AlertTitle.fill(template, first));
    }

    private record Key(String branch, Entities entities) {
    }
}
