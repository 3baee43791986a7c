package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Number parsing agrees with the JDK (Double.parseDouble, Long.parseLong) on what both accept. */
class TextValuesTest {
    private final TextValues parse = new TextValues();

    private boolean dbl(String s) {
        return parse.parseDouble(s.toCharArray(), 0, s.length());
    }

    private boolean lng(String s) {
        return parse.parseLong(s.toCharArray(), 0, s.length());
    }

    @Property(tries = 3000)
    void doublesMatchTheJdk(@ForAll double v) {
        for (String s : new String[] {Double.toString(v), String.format(Locale.ROOT, "%.6f", v),
                String.format(Locale.ROOT, "%.3e", v), String.format(Locale.ROOT, "%.17g", v)}) {
            assertThat(dbl(s)).as(s).isTrue();
            assertThat(parse.doubleValue).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Property(tries = 2000)
    void longsMatchTheJdk(@ForAll long v) {
        assertThat(lng(Long.toString(v))).isTrue();
        assertThat(parse.longValue).isEqualTo(v);
    }

    @Test
    void edges() {
        assertThat(lng("9223372036854775807")).isTrue();
        assertThat(parse.longValue).isEqualTo(Long.MAX_VALUE);
        assertThat(lng("-9223372036854775808")).isTrue();
        assertThat(parse.longValue).isEqualTo(Long.MIN_VALUE);
        assertThat(lng("9223372036854775808")).isFalse();
        assertThat(lng("+7")).isTrue();
        assertThat(lng(" 12 ")).isTrue();
        assertThat(lng("1.0")).isFalse();
        assertThat(lng("-")).isFalse();

        // 2^53 + 1 is not a double: the fast path must not be taken for it
        assertThat(dbl("9007199254740993")).isTrue();
        assertThat(parse.doubleValue).isEqualTo(9007199254740992.0);
        assertThat(dbl("0.1")).isTrue();
        assertThat(parse.doubleValue).isEqualTo(0.1);
        assertThat(dbl("-0.0")).isTrue();
        assertThat(Double.doubleToRawLongBits(parse.doubleValue)).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(dbl("1e-400")).isTrue();
        assertThat(parse.doubleValue).isEqualTo(0.0);
        assertThat(dbl("1.5E+300")).isTrue();
        assertThat(parse.doubleValue).isEqualTo(1.5e300);
        assertThat(dbl(".5")).isTrue();
        assertThat(dbl("5.")).isTrue();
        assertThat(dbl("-Infinity")).isTrue();
        assertThat(parse.doubleValue).isEqualTo(Double.NEGATIVE_INFINITY);
        for (String no : new String[] {"", ".", "-", "e5", "1e", "1.2.3", "1-2", "12d", "0x1p3", "abc", "1,5", "NaNa"}) {
            assertThat(dbl(no)).as(no).isFalse();
        }
        assertThat(parse.parseBoolean("TRUE".toCharArray(), 0, 4)).isTrue();
        assertThat(parse.parseBoolean("yes".toCharArray(), 0, 3)).isFalse();
    }
}
