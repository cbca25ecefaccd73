package io.egress.sigma.model;

import java.util.List;

/** The value of one named search identifier under {@code detection:}. */
public sealed interface SearchIdentifier {

    /** A map: every entry must match (AND). */
    record FieldMap(List<FieldMatch> matches) implements SearchIdentifier {
        public FieldMap {
            matches = List.copyOf(matches);
        }
    }

    /** A list of maps: any map may match (OR). */
    record MapList(List<FieldMap> maps) implements SearchIdentifier {
        public MapList {
            maps = List.copyOf(maps);
        }
    }

    /** A list of plain values searched across the whole event (OR), or all of them with {@code '|all'}. */
    record Keywords(List<SigmaValue> values, boolean all) implements SearchIdentifier {
        public Keywords {
            values = List.copyOf(values);
        }
    }
}
