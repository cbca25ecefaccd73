package io.egress.store.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.engine.functions.terms.TermMatcher;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The term index never rules out an entry that {@code has} / {@code has_any} / {@code has_cs} would match. */
class TermIndexTest {
    /** Words and separators that make terms of every length, mixed case, and characters that fold to ASCII. */
    private static final String[] PIECES = {"curl", "CURL", "exe", "ftp", "FTP", "-T", " ", ".", "/", "://", "--data",
        "ab", "x", "upload", "Upload-File", "\u212Aelvin", "\u0131p", "\u017Fmtp", "é", "日本", "a1b2c3",
        "averyveryveryverylongtermthatisnotindexed", "smtp", "dig", "nslookup", "@", "\t"};

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void candidatesIncludeEveryMatch(@ForAll("entries") List<String> entries, @ForAll("needleLists") List<String> needles) {
        ByteSink out = new ByteSink(64);
        TermIndex.write(entries, out);
        byte[] bytes = java.util.Arrays.copyOf(out.array(), out.size());
        TermIndex index = TermIndex.read(new ByteSource(bytes), entries.size());
        BitSet candidates = index.candidates(needles);
        if (candidates == null) {
            return; // some needle cannot be looked up: the reader tests every entry
        }
        TermMatcher any = TermMatcher.compile(needles, false);
        TermMatcher anyCs = TermMatcher.compile(needles, true);
        for (int id = 0; id < entries.size(); id++) {
            if (any.matchesAny(entries.get(id)) || anyCs.matchesAny(entries.get(id))) {
                assertThat(candidates.get(id)).as("entry %s for %s", entries.get(id), needles).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<List<String>> entries() {
        return texts().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> needleLists() {
        return texts().filter(s -> !s.isEmpty()).list().ofMinSize(1).ofMaxSize(4);
    }

    @Test
    void narrowsToTheEntriesHoldingTheLongestTerm() {
        List<String> entries = new ArrayList<>(List.of("curl.exe -T a ftp://h", "wget x", "mycurl.exe y", "CURL.EXE --data @f",
                "\u212Aeep curl", "dig example.com"));
        ByteSink out = new ByteSink(64);
        TermIndex.write(entries, out);
        TermIndex index = TermIndex.read(new ByteSource(java.util.Arrays.copyOf(out.array(), out.size())), entries.size());
        // "curl" is the longest term of "curl.exe"; the Kelvin-sign entry is always a candidate
        assertThat(index.candidates(List.of("curl.exe")).stream().boxed().toList()).containsExactly(0, 3, 4);
        assertThat(index.candidates(List.of("dig ", "wget"))).isEqualTo(BitSet.valueOf(new long[] {0b110010}));
        assertThat(index.candidates(List.of("-T ")).stream().boxed().toList()).containsExactly(0, 4); // the term "t"
        assertThat(index.candidates(List.of("|"))).isNull(); // no term at all
        assertThat(index.candidates(List.of(""))).isNull();
        assertThat(index.candidates(List.of("nothing")).stream().boxed().toList()).containsExactly(4);
    }
}
