package io.egress.detect.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A detection rule as written: a KQL query and the metadata Sentinel's scheduled analytics rules carry.
 * Read from a Sentinel YAML file or a {@code .kql} file with a metadata header (see docs/rules.md).
 *
 * @param confidence       an Egress extension (Sentinel has none): {@code High}, {@code Medium}, {@code Low}
 * @param customDetails    alert field name → result column
 * @param alertDetailsOverride Sentinel's override block as read (format strings, column names)
 * @param dataSources      free text naming the telemetry the rule needs
 * @param falsePositives   known benign causes, as text (tuning.yaml makes them executable)
 * @param explanation      a plain-language alert explanation with {@code {{Column}}} placeholders (Egress extension)
 * @param branchDetails    per-branch confidence, techniques, explanation, false positives and tuning keys
 *                         (Egress extension {@code branchDetails:}), by branch ({@code let} name)
 */
public record Rule(
        String id,
        String name,
        String description,
        Severity severity,
        String confidence,
        String query,
        Duration queryFrequency,
        Duration queryPeriod,
        Trigger trigger,
        List<String> tactics,
        List<String> techniques,
        List<EntityMapping> entityMappings,
        Map<String, String> customDetails,
        Map<String, String> alertDetailsOverride,
        EventGrouping grouping,
        String version,
        List<String> dataSources,
        List<String> falsePositives,
        QueryOrigin origin,
        String explanation,
        Map<String, BranchDetail> branchDetails) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(severity, "severity");
        confidence = confidence == null ? "" : confidence;
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(queryFrequency, "queryFrequency");
        Objects.requireNonNull(queryPeriod, "queryPeriod");
        Objects.requireNonNull(trigger, "trigger");
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        entityMappings = List.copyOf(entityMappings);
        customDetails = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customDetails));
        alertDetailsOverride = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(alertDetailsOverride));
        Objects.requireNonNull(grouping, "grouping");
        version = version == null ? "" : version;
        dataSources = List.copyOf(dataSources);
        falsePositives = List.copyOf(falsePositives);
        Objects.requireNonNull(origin, "origin");
        explanation = explanation == null ? "" : explanation;
        branchDetails = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                branchDetails == null ? Map.of() : branchDetails));
    }

    /** The rule without an explanation or branch details (the form before the v2 pack). */
    public Rule(String id, String name, String description, Severity severity, String confidence, String query,
                Duration queryFrequency, Duration queryPeriod, Trigger trigger, List<String> tactics, List<String> techniques,
                List<EntityMapping> entityMappings, Map<String, String> customDetails, Map<String, String> alertDetailsOverride,
                EventGrouping grouping, String version, List<String> dataSources, List<String> falsePositives, QueryOrigin origin) {
        this(id, name, description, severity, confidence, query, queryFrequency, queryPeriod, trigger, tactics, techniques,
                entityMappings, customDetails, alertDetailsOverride, grouping, version, dataSources, falsePositives, origin,
                "", Map.of());
    }

    /** The details of a branch, or {@link BranchDetail#NONE}. */
    public BranchDetail branchDetail(String branch) {
        return branch == null ? BranchDetail.NONE : branchDetails.getOrDefault(branch, BranchDetail.NONE);
    }

    /** The file the rule came from. */
    public String file() {
        return origin.file();
    }
}
