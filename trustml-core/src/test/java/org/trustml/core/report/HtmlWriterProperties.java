package org.trustml.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class HtmlWriterProperties {
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|amp|lt|gt|quot);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"");

    @Property
    void escapedTextHasNoMarkupAndReadsBack(@ForAll String text) {
        String escaped = HtmlWriter.escape(text);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'", "`", "=");
        assertThat(unescape(escaped)).isEqualTo(text);
    }

    /** What a browser reads from the escaped text (the character references the writer uses, HTML 5 §13.5). */
    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = e.startsWith("#") ? String.valueOf((char) Integer.parseInt(e.substring(1))) : NAMED.get(e);
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        return m.appendTail(out).toString();
    }
}
