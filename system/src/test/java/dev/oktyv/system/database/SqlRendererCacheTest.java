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
    void builderListsMadeOnFirstUseKeepEveryColumnAndOrderInTheirOrder() {
        Select s = Select.from(T).columns().columns(ID).columns(NAME).orderBy(NAME, SortDirection.ASC)
                .orderBy(ID, SortDirection.DESC).build();
        assertThat(s.columns()).containsExactly(ID, NAME);
        assertThat(SqlRenderer.select(s).sql())
                .isEqualTo("SELECT \"id\", \"name\" FROM \"items\" ORDER BY \"name\" ASC, \"id\" DESC")
                .isEqualTo(SqlRenderer.render(s).sql());
        assertThat(Select.from(T).build().where().conditions()).isEmpty();
        assertThat(Select.from(T).build().where()).isSameAs(Where.all());
    }

    @Test
    void identifiersAreEqualByNameSoEqualShapesFromOtherInstancesShareTheText() {
        Identifier other = Identifier.of("items");
        assertThat(other).isNotSameAs(T).isEqualTo(T).hasSameHashCodeAs(T);
        assertThat(Identifier.of("Items")).as("quoted names are case-sensitive").isNotEqualTo(T);
        assertThat(T).isNotEqualTo("items");
        assertThat(SqlRenderer.select(Select.from(other).where(Where.eq(Identifier.of("id"), 4L)).build()).sql())
                .isEqualTo(SqlRenderer.select(Select.from(T).where(Where.eq(ID, 5L)).build()).sql());
        // A shape differing only in its column list is another text.
        assertThat(SqlRenderer.select(Select.from(T).columns(ID).where(Where.eq(ID, 5L)).build()).sql())
                .isEqualTo("SELECT \"id\" FROM \"items\" WHERE \"id\" = ?");
        for (String bad : List.of("", "1id", "id;", "id\"", "a b", "x".repeat(64), "naïve")) {
            assertThatThrownBy(() -> Identifier.of(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void everyPartOfTheShapeButTheValuesSelectsTheText() {
        Identifier qty = Identifier.of("qty");
        List<Select> shapes = List.of(
                Select.from(T).where(Where.eq(ID, 1L).and(NAME, Comparison.EQ, "a")).build(),
                Select.from(T).where(Where.eq(NAME, "a").and(ID, Comparison.EQ, 1L)).build(),
                Select.from(T).where(Where.eq(ID, 1L).and(NAME, Comparison.NE, "a")).build(),
                Select.from(T).where(Where.eq(ID, 1L).and(qty, Comparison.EQ, "a")).build(),
                Select.from(T).where(Where.eq(ID, 1L)).build(),
                Select.from(qty).where(Where.eq(ID, 1L)).build(),
                Select.from(T).where(Where.eq(ID, 1L)).limit(1).build(),
                Select.from(T).where(Where.eq(ID, 1L)).offset(1).build(),
                Select.from(T).columns(NAME).where(Where.eq(ID, 1L)).build(),
                Select.from(T).where(Where.eq(ID, 1L)).orderBy(NAME, SortDirection.ASC).build(),
                Select.from(T).where(Where.eq(ID, 1L)).orderBy(NAME, SortDirection.DESC).build());
        for (int round = 0; round < 2; round++) {
            List<String> texts = shapes.stream().map(SqlRenderer::selectSql).toList();
            assertThat(texts).doesNotHaveDuplicates();
            for (Select s : shapes) {
                assertThat(SqlRenderer.selectSql(s)).isEqualTo(SqlRenderer.render(s).sql());
                assertThat(SqlRenderer.selectParameters(s)).isEqualTo(SqlRenderer.render(s).parameters());
            }
        }
    }

    @Test
    void aDuplicateLabelReadsTheLastValueAsBefore() {
        Row r = new Row(new String[] {"id", "name", "id"}, new Object[] {1L, "a", 2L});
        assertThat(r.getLong("id")).isEqualTo(2);
        assertThat(r.columns()).containsExactly("id", "name");
        assertThatThrownBy(() -> r.get("nmae")).hasMessageContaining("'nmae'");
    }

    @Test
    void moreShapesThanTheCacheHoldsAreStillRenderedRightEveryTime() {
        // Distinct tables: at least MAX_CACHED_SHAPES + 100 new shapes, so the table fills and the rest is rendered
        // each time; every look-up, cached or not, must give the fresh rendering of its own shape.
        List<Select> shapes = new java.util.ArrayList<>();
        for (int i = 0; i < SqlRenderer.MAX_CACHED_SHAPES + 100; i++) {
            shapes.add(Select.from(Identifier.of("overflow_" + i)).where(Where.eq(ID, (long) i)).build());
        }
        for (int round = 0; round < 2; round++) {
            for (Select s : shapes) {
                assertThat(SqlRenderer.selectSql(s)).isEqualTo(SqlRenderer.render(s).sql());
            }
        }
        assertThat(SqlRenderer.selectSql(Select.from(T).where(Where.eq(ID, 1L)).build()))
                .isEqualTo("SELECT * FROM \"items\" WHERE \"id\" = ?");
    }
}
