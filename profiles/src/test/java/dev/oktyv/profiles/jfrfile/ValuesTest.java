package dev.oktyv.profiles.jfrfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void aFieldlessClassWithoutANameIsAFormatErrorNotANullPointer() {
        // Damaged metadata can drop a class's name attribute; FastStackReaderFuzzTest once hit this as an NPE.
        assertThatThrownBy(() -> Values.primitiveKind(new ClassDef(42, null, null, List.of())))
                .isInstanceOf(JfrFormatException.class)
                .hasMessageContaining("class id 42");
    }

    @Test
    void javaPrimitivesAreKnownAndOtherFieldlessClassesAreNot() throws Exception {
        assertThat(Values.primitiveKind(new ClassDef(1, "long", null, List.of()))).isEqualTo(Values.VARINT);
        assertThat(Values.primitiveKind(new ClassDef(2, "java.lang.String", null, List.of()))).isEqualTo(Values.STRING);
        assertThatThrownBy(() -> Values.primitiveKind(new ClassDef(3, "com.example.Empty", null, List.of())))
                .isInstanceOf(JfrFormatException.class);
    }
}
