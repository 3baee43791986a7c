package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;

class TableTest {
    // A small table; every expected number below is counted or computed by hand from it.
    private final Table people = Table.of(
            StringColumn.of("name", "ann", "bob", "cy", "dee", null),
            LongColumn.ofNullable("age", 34L, 19L, null, 51L, 19L),
            DoubleColumn.of("score", 0.5, 1.5, 2.0, Double.NaN, 4.0),
            BooleanColumn.of("member", true, false, true, true, false));

    @Test
    void schemaAndMissingCounts() {
        assertThat(people.rowCount()).isEqualTo(5);
        assertThat(people.columnNames()).containsExactly("name", "age", "score", "member");
        assertThat(people.schema().fields()).extracting(Schema.Field::type)
                .containsExactly(ColumnType.STRING, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN);
        assertThat(people.column("name").missingCount()).isEqualTo(1);
        assertThat(people.column("age").missingCount()).isEqualTo(1);
        assertThat(people.column("score").missingCount()).isEqualTo(1);
        assertThat(people.column("member").missingCount()).isZero();
        assertThat(people.column("age").get(2)).isNull();
    }

    @Test
    void primitiveAccessDoesNotCopy() {
        assertThat(people.doubles("score")).isSameAs(people.doubles("score"));
        assertThat(people.longs("age")).isSameAs(people.longColumn("age").values());
        assertThat(people.stringColumn("name").codes()).isSameAs(people.stringColumn("name").codes());
    }

    @Test
    void factoriesCopyTheirInput() {
        double[] raw = {1, 2};
        DoubleColumn c = DoubleColumn.of("x", raw);
        raw[0] = 99;
        assertThat(c.getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void selectFilterMapDerive() {
        Table adults = people.filter(r -> !r.isMissing("age") && r.integer("age") >= 21);
        assertThat(adults.stringColumn("name").get(0)).isEqualTo("ann");
        assertThat(adults.rowCount()).isEqualTo(2); // ann 34, dee 51

        Table upper = people.mapStrings("name", String::toUpperCase);
        assertThat(upper.stringColumn("name").get(1)).isEqualTo("BOB");
        assertThat(upper.column("name").isMissing(4)).isTrue();

        Table doubled = people.mapDoubles("score", v -> v * 2);
        assertThat(doubled.doubles("score")).containsExactly(1.0, 3.0, 4.0, Double.NaN, 8.0);

        Table derived = people.deriveDouble("age_plus_score", r -> r.number("age") + r.number("score"));
        // 34+0.5, 19+1.5, NaN (age missing), NaN (score missing), 19+4
        assertThat(derived.doubles("age_plus_score")).containsExactly(34.5, 20.5, Double.NaN, Double.NaN, 23.0);
        assertThat(derived.column("age_plus_score").missingCount()).isEqualTo(2);
        assertThat(derived.columnCount()).isEqualTo(5);

        assertThat(people.select("score", "name").columnNames()).containsExactly("score", "name");
        assertThat(people.drop("score").columnNames()).containsExactly("name", "age", "member");
        assertThat(people.deriveString("tag", r -> r.bool("member") ? "m" : null).column("tag").missingCount())
                .isEqualTo(2);
    }

    @Test
    void operationsLeaveTheOriginalUnchanged() {
        people.mapDoubles("score", v -> -v).withColumn(LongColumn.of("age", 1, 2, 3, 4, 5)).filter(r -> false);
        assertThat(people.doubles("score")).containsExactly(0.5, 1.5, 2.0, Double.NaN, 4.0);
        assertThat(people.rowCount()).isEqualTo(5);
    }

    @Test
    void groupCountsLargestFirstThenFirstAppearance() {
        Table g = people.groupCounts("age");
        // ages 34, 19, missing, 51, 19 -> 19:2 then 34:1, missing:1, 51:1 in order of appearance
        assertThat(g.columnNames()).containsExactly("age", "count");
        assertThat(g.column("age").get(0)).isEqualTo(19L);
        assertThat(g.longs("count")).containsExactly(2, 1, 1, 1);
        assertThat(g.column("age").get(1)).isEqualTo(34L);
        assertThat(g.column("age").isMissing(2)).isTrue();

        Table two = people.groupCounts("member", "age");
        // (true,34) (false,19) (true,missing) (true,51) (false,19) -> (false,19):2 first
        assertThat(two.column("member").get(0)).isEqualTo(false);
        assertThat(two.longs("count")).containsExactly(2, 1, 1, 1);
    }

    @Test
    void headAndTake() {
        assertThat(people.head(2).stringColumn("name").get(1)).isEqualTo("bob");
        assertThat(people.head(10)).isSameAs(people);
        assertThat(people.take(new int[] {4, 0}).doubles("score")).containsExactly(4.0, 0.5);
        assertThatThrownBy(() -> people.take(new int[] {5})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'5'").hasMessageContaining("0 to 4");
    }

    @Test
    void describeByHand() {
        TableDescription d = people.describe();
        assertThat(d.rowCount()).isEqualTo(5);
        TableDescription.ColumnSummary age = d.columns().get(1);
        // present ages 34, 19, 51, 19: mean 30.75; sample std sqrt(((3.25)^2+(11.75)^2+(20.25)^2+(11.75)^2)/3)
        assertThat(age.count()).isEqualTo(4);
        assertThat(age.missing()).isEqualTo(1);
        assertThat(age.min()).hasValue(19.0);
        assertThat(age.max()).hasValue(51.0);
        assertThat(age.mean()).hasValue(30.75);
        double std = Math.sqrt((3.25 * 3.25 + 11.75 * 11.75 + 20.25 * 20.25 + 11.75 * 11.75) / 3);
        assertThat(age.std().getAsDouble()).isCloseTo(std, org.assertj.core.data.Offset.offset(1e-12));

        TableDescription.ColumnSummary member = d.columns().get(3);
        assertThat(member.distinct()).hasValue(2);
        assertThat(member.top()).containsExactly(
                new TableDescription.ValueCount("true", 3), new TableDescription.ValueCount("false", 2));
        assertThat(member.mean()).isEmpty();
    }

    @Test
    void missingColumnListsTheColumnsThatExist() {
        assertThatThrownBy(() -> people.column("salary"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'salary': does not exist (expected one of name, age, score, member)");
    }

    @Test
    void wrongTypeNamesTheType() {
        assertThatThrownBy(() -> people.doubles("name"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'name'").hasMessageContaining("has type string")
                .hasMessageContaining("a double column");
    }

    @Test
    void columnsMustAgree() {
        assertThatThrownBy(() -> Table.of(LongColumn.of("a", 1, 2), LongColumn.of("b", 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 'b'")
                .hasMessageContaining("has 1 rows");
        assertThatThrownBy(() -> Table.of(LongColumn.of("a", 1), LongColumn.of("a", 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duplicate");
    }

    @Test
    void contentHashDependsOnValuesNotOnEncoding() {
        Table a = Table.of(StringColumn.of("s", "x", "y", "x"));
        Table b = Table.of(StringColumn.of("s", List.of("y", "x", "y", "x"))).take(new int[] {1, 2, 3});
        assertThat(a).isEqualTo(b);
        assertThat(a.contentHash()).isEqualTo(b.contentHash()).startsWith("sha256:");
        assertThat(a.contentHash()).isNotEqualTo(Table.of(StringColumn.of("s", "x", "y", "y")).contentHash());
        assertThat(a.contentHash()).isNotEqualTo(a.mapStrings("s", v -> v).withColumn(a.column("s").rename("t"))
                .drop("s").contentHash());
    }
}
