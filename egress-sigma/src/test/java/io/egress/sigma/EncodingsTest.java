package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.sigma.compile.Encodings;
import io.egress.sigma.model.SigmaValue.Chunk;
import io.egress.sigma.parse.SigmaStrings;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingsTest {
    @Test
    void base64OffsetsOfKnownValue() {
        // The three shifts of "::FromBase64String", as SigmaHQ rules spell them out for base64offset.
        assertThat(Encodings.base64Offsets(Encodings.utf8("::FromBase64String")))
                .containsExactly("OjpGcm9tQmFzZTY0U3RyaW5n", "o6RnJvbUJhc2U2NFN0cmluZ", "6OkZyb21CYXNlNjRTdHJpbm");
    }

    @Test
    void windashOnlyReplacesOptionDashes() {
        assertThat(Encodings.dashPositions("a-b -c /d")).containsExactly(4, 7);
        assertThat(Encodings.windash("x-y")).containsExactly("x-y");
        assertThat(Encodings.windash("-a -b")).hasSize(25).contains("/a \u2014b", "-a -b");
    }

    @Test
    void sigmaStringEscapes() {
        assertThat(SigmaStrings.parse("a\\*b").chunks()).containsExactly(new Chunk.Literal("a*b"));
        assertThat(SigmaStrings.parse("C:\\\\*").chunks()).containsExactly(new Chunk.Literal("C:\\"), new Chunk.AnyChars());
        assertThat(SigmaStrings.parse("C:\\Windows\\").chunks()).containsExactly(new Chunk.Literal("C:\\Windows\\"));
        assertThat(SigmaStrings.parse("a?\\?").chunks())
                .containsExactly(new Chunk.Literal("a"), new Chunk.OneChar(), new Chunk.Literal("?"));
        assertThat(SigmaStrings.parse("\\\\\\*").chunks()).containsExactly(new Chunk.Literal("\\*"));
        assertThat(SigmaStrings.parse("\\\\\\\\").chunks()).isEqualTo(List.of(new Chunk.Literal("\\\\")));
    }
}
