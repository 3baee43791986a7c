package org.trustml.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.Column;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** CEL over table rows: the column types as CEL types, type errors with their position, missing values as null. */
class RowExpressionTest {
    /** Four rows; row 3 (index 2) has every value missing. */
    static final Table PEOPLE = Table.of(StringColumn.of("name", "ann", "bob", null, "dee"),
            LongColumn.ofNullable("age", 34L, 17L, null, 52L),
            DoubleColumn.of("weight", 61.5, 70.0, Double.NaN, 88.25),
            BooleanColumn.ofNullable("member", true, false, null, true),
            StringColumn.of("age-group", "30-39", "10-19", null, "50-59"));

    private static Column eval(String expression) {
        return RowExpression.compile(expression, PEOPLE.schema(), "test").values(PEOPLE, "out");
    }

    @Test
    void eachColumnIsAVariableOfItsType() {
        Column s = eval("name != null ? name + '!' : 'none'");
        assertThat(s.type()).isEqualTo(ColumnType.STRING);
        assertThat(s.get(0)).isEqualTo("ann!");
        assertThat(s.get(2)).isEqualTo("none");
        Column l = eval("age != null ? age * 2 : -1");
        assertThat(l.type()).isEqualTo(ColumnType.LONG);
        assertThat(l.get(1)).isEqualTo(34L);
        Column d = eval("weight != null ? weight / 2.0 : 0.0");
        assertThat(d.type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(d.get(3)).isEqualTo(44.125); // 88.25 / 2 exactly in binary
        Column b = eval("member != null && member && age >= 18");
        assertThat(b.type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(b.get(0)).isEqualTo(true);
        assertThat(b.get(1)).isEqualTo(false);
        assertThat(b.get(2)).isEqualTo(false); // member is null: && stops there
        assertThat(eval("age == null || double(age) > weight / 2.0").get(0)).isEqualTo(true); // 34 > 30.75
        assertThat(eval("age != null && age > 17.5").get(1)).isEqualTo(false); // int compares with double
        assertThat(eval("name != null && name.matches('^[ab]')").get(1)).isEqualTo(true);
    }

    @Test
    void aBareNullableColumnGivesMissingValues() {
        RowExpression x = RowExpression.compile("age", PEOPLE.schema(), "test");
        assertThat(x.nullable()).isTrue();
        Column c = x.values(PEOPLE, "copy");
        assertThat(c.isMissing(2)).isTrue();
        assertThat(c.get(3)).isEqualTo(52L);
        assertThat(eval("weight").isMissing(2)).isTrue(); // NaN is missing, and null gives NaN back
    }

    @Test
    void aTypeErrorNamesTheFileTheFieldTheExpressionAndThePosition() {
        Path file = Path.of("pipeline.yaml");
        // CEL does not add an int to a double: the '+' is the 5th character
        assertThatThrownBy(() -> RowExpression.compile("age + weight", PEOPLE.schema(), file, "stages[1].transform.columns.x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("pipeline.yaml, column 'stages[1].transform.columns.x': value 'age + weight' does "
                        + "not type-check against the table (columns, each null where missing: name string, age int, "
                        + "weight double, member bool) at line 1, column 5: found no matching overload for '_+_' applied "
                        + "to '(wrapper(int), wrapper(double))' (expected a CEL expression over the row's columns)");
        // a misspelt column on the second line, third character
        assertThatThrownBy(() -> RowExpression.compile("age > 30 &&\n  nmae == 'x'", PEOPLE.schema(), "keep"))
                .hasMessageContaining("at line 2, column 3: undeclared reference to 'nmae'");
        assertThatThrownBy(() -> RowExpression.compile("[age]", PEOPLE.schema(), "keep"))
                .hasMessageContaining("gives a value of CEL type list, which no column holds");
    }

    @Test
    void aColumnWhoseNameIsNoIdentifierIsNamedInTheError() {
        assertThatThrownBy(() -> RowExpression.compile("age-group == '30-39'", PEOPLE.schema(), "keep"))
                .hasMessageContaining("undeclared reference to 'group'")
                .hasMessageContaining("age-group: not CEL identifiers, so not variables; rename them first");
    }

    @Test
    void aSyntaxErrorIsFoundWithoutASchema() {
        assertThatThrownBy(() -> RowExpression.parse("age >", "filter.keep"))
                .hasMessageStartingWith("column 'filter.keep': value 'age >' is not a CEL expression at line 1, column 6: "
                        + "mismatched input '<EOF>'");
    }

    @Test
    void aMissingValueUsedInArithmeticNamesTheRowAndTheColumn() {
        assertThatThrownBy(() -> eval("age * 2"))
                .hasMessageStartingWith("row 3, column 'test': value 'age * 2' cannot be evaluated: ")
                .hasMessageContaining("(missing in this row: age)")
                .hasMessageContaining("(expected an expression that handles missing values, e.g. age != null && …)");
        RowExpression keep = RowExpression.compile("member", PEOPLE.schema(), "keep");
        assertThatThrownBy(() -> keep.rowsWhereTrue(PEOPLE))
                .hasMessage("row 3, column 'keep': value 'member' is null (a missing value), neither true nor false "
                        + "(expected a condition that says what a missing value means, e.g. x != null && x)");
    }

    @Test
    void aFilterKeepsTheRowsWhereTheConditionIsTrue() {
        RowExpression adults = RowExpression.compile("age != null && age >= 18", PEOPLE.schema(), "keep");
        assertThat(adults.rowsWhereTrue(PEOPLE)).containsExactly(0, 3);
        assertThatThrownBy(() -> RowExpression.compile("age", PEOPLE.schema(), "keep").rowsWhereTrue(PEOPLE))
                .hasMessageContaining("gives a long, not a condition");
    }

    @Test
    void runtimeErrorsAreErrorsNotSilentValues() {
        assertThatThrownBy(() -> eval("age != null ? age / 0 : 0")).hasMessageStartingWith("row 1, column 'test'")
                .hasMessageContaining("/ by zero");
        assertThatThrownBy(() -> eval("age != null ? age + 9223372036854775807 : 0")).hasMessageContaining("row 1")
                .hasMessageContaining("overflow");
    }
}
