package dev.oktyv.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering once per query shape must give exactly what rendering every time gave, values always bound. */
class SqlRendererCacheTest {

    static final Identifier T = Identifier.of("items");
    static final Identifier ID = Identifier.of("id");
    static final Identifier NAME = Identifier.of("name");

    @Test
    void cachedTextEqualsAFreshRenderingForEveryShape() {
        List<Select> selects = List.of(
                Select.from(T).where(Where.eq(ID, 1L)).build(),
                Select.from(T).columns(ID, NAME).where(Where.eq(ID, 2L)).build(),
                Select.from(T).where(Where.of(ID, Comparison.GE, 3L).and(NAME, Comparison.EQ, "x")).build(),
                Select.from(T).orderBy(NAME, SortDirection.DESC).limit(5).offset(10).build(),
                Select.from(T).limit(5).build(),
                Select.from(T).offset(5).build(),
                Select.from(T).build());
        for (int round = 0; round < 2; round++) {
            for (Select s : selects) {
                assertThat(SqlRenderer.select(s)).as("round %d: %s", round, s).isEqualTo(SqlRenderer.render(s));
            }
        }
    }

    @Test
    void sameShapeWithOtherValuesSharesTheTextButNotTheParameters() {
        SqlRenderer.Statement a = SqlRenderer.select(Select.from(T).where(Where.eq(ID, 1L)).limit(1).build());
        SqlRenderer.Statement b = SqlRenderer.select(Select.from(T).where(Where.eq(ID, "1; DROP TABLE items")).limit(7).build());
        assertThat(b.sql()).isEqualTo(a.sql()).isEqualTo("SELECT * FROM \"items\" WHERE \"id\" = ? LIMIT ?");
        assertThat(b.parameters()).containsExactly("1; DROP TABLE items", 7L);
        // Another comparison or column is another shape.
        assertThat(SqlRenderer.select(Select.from(T).where(Where.of(ID, Comparison.GT, 1L)).limit(1).build()).sql())
                .contains("\"id\" > ?");
        assertThat(SqlRenderer.select(Select.from(T).where(Where.eq(NAME, 1L)).limit(1).build()).sql())
                .contains("\"name\" = ?");
        assertThatThrownBy(() -> Identifier.of("id\" OR 1=1 --")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void aDuplicateLabelReadsTheLastValueAsBefore() {
        Row r = new Row(new String[] {"id", "name", "id"}, new Object[] {1L, "a", 2L});
        assertThat(r.getLong("id")).isEqualTo(2);
        assertThat(r.columns()).containsExactly("id", "name");
        assertThatThrownBy(() -> r.get("nmae")).hasMessageContaining("'nmae'");
    }
}
