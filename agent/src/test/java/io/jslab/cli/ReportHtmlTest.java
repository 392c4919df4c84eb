package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

    @Test
    void numbersTurnNaNIntoGaps() {
        assertEquals("[1.000,null,2.500]", ReportHtml.numbers(List.of(1.0, Double.NaN, 2.5)));
        assertEquals("[]", ReportHtml.numbers(List.of()));
    }

    @Test
    void cacheNamesCannotEndTheScriptBlock() {
        assertEquals("\"a\\u003c/script\\u003e\\\"b\\\\\"", ReportHtml.json("a</script>\"b\\"));
    }

    @Test
    void thePageEmbedsUplotAndTheDataAndEscapesSlabinfo() {
        String page = ReportHtml.render(42, List.of(0.0, 1.0), Map.of("dentry", Map.of("activeObjects", List.of(3.0, 4.0))),
                List.of(10.0, 9.0), "slabinfo <x> & y\n");
        assertTrue(page.contains("const data = {\"t\":[0.000,1.000],\"freePages\":[10.000,9.000],"
                + "\"caches\":{\"dentry\":{\"activeObjects\":[3.000,4.000]}}};"), page);
        assertTrue(page.contains("<pre id=\"slabinfo\">slabinfo &lt;x&gt; &amp; y\n</pre>"));
        assertTrue(page.contains("uPlot"));
        assertTrue(!page.contains("<script src") && !page.contains("<link"));
        assertEquals(2, page.split("<script>", -1).length - 1, "uPlot's and the page's");
    }
}
