package io.jslab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The single HTML file of {@code record} (SPEC sections 8 and 9): the samples as JSON, uPlot's
 * script and style inlined from its WebJar on the class path, so the file opens with no network.
 * The page's script draws one plot per figure and then writes the number of plots it drew into
 * {@code #rendered}, which the browser test reads.
 */
final class ReportHtml {

    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private ReportHtml() {
    }

    /**
     * @param times    seconds since the start, one per sample
     * @param caches   per cache name, per figure (see {@link RecordCommand#FIGURES}, first letter lower case), one value per sample
     * @param slabinfo the slabinfo text at the end
     */
    static String render(long pid, List<Double> times, Map<String, Map<String, List<Double>>> caches,
                         List<Double> freePages, String slabinfo) {
        StringBuilder data = new StringBuilder("{\"t\":").append(numbers(times))
                .append(",\"freePages\":").append(numbers(freePages)).append(",\"caches\":{");
        String sep = "";
        for (Map.Entry<String, Map<String, List<Double>>> cache : caches.entrySet()) {
            data.append(sep).append(json(cache.getKey())).append(":{");
            sep = ",";
            String inner = "";
            for (Map.Entry<String, List<Double>> figure : cache.getValue().entrySet()) {
                data.append(inner).append(json(figure.getKey())).append(':').append(numbers(figure.getValue()));
                inner = ",";
            }
            data.append('}');
        }
        data.append("}}");
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>jslab report, JVM " + pid + "</title>\n"
                + "<style>" + resource(UPLOT + "uPlot.min.css") + "\nbody{font-family:sans-serif;margin:1em}"
                + "pre{background:#f4f4f4;padding:.5em;overflow:auto}</style>\n"
                + "<script>" + resource(UPLOT + "uPlot.iife.min.js").replace("</script", "<\\/script") + "</script>\n"
                + "</head><body>\n<h1>jslab report, JVM " + pid + "</h1>\n"
                + "<p>" + times.size() + " samples over " + (times.isEmpty() ? 0 : Math.round(times.get(times.size() - 1)))
                + " s. Plots drawn: <span id=\"rendered\">0</span></p>\n<div id=\"plots\"></div>\n"
                + "<h2>slabinfo at the end</h2>\n<pre id=\"slabinfo\">" + escape(slabinfo) + "</pre>\n"
                + "<script>const data = " + data + ";\n" + SCRIPT + "</script>\n</body></html>\n";
    }

    // Plots: live objects (with an error band when ActiveObjectsError was sampled), allocation and
    // free rates, lifetimes, per cache; then the arena's free pages.
    private static final String SCRIPT = """
            const root = document.getElementById('plots');
            let drawn = 0;
            function plot(title, series, ys, band) {
              const h = document.createElement('h3'); h.textContent = title; root.appendChild(h);
              const opts = {width: 800, height: 220, series: [{}].concat(series), scales: {x: {time: false}},
                            axes: [{label: 's'}, {}]};
              if (band) { opts.bands = [{series: [2, 3], fill: 'rgba(0,0,255,0.1)'}]; }
              new uPlot(opts, [data.t].concat(ys.map(y => y.map(v => v === null ? null : v))), root);
              drawn++;
            }
            for (const [name, f] of Object.entries(data.caches)) {
              if (f.activeObjectsError) {
                const lo = f.activeObjects.map((v, i) => v - f.activeObjectsError[i]);
                const hi = f.activeObjects.map((v, i) => v + f.activeObjectsError[i]);
                plot(name + ': live objects', [{label: 'live', stroke: 'blue'}, {label: 'low'}, {label: 'high'}],
                     [f.activeObjects, lo, hi], true);
              } else {
                plot(name + ': live objects', [{label: 'live', stroke: 'blue'}], [f.activeObjects], false);
              }
              plot(name + ': rates (/s)', [{label: 'allocations', stroke: 'green'}, {label: 'frees', stroke: 'red'}],
                   [f.allocationRate, f.freeRate], false);
              plot(name + ': lifetime (ms)', [{label: 'median', stroke: 'purple'}, {label: 'p99', stroke: 'orange'}],
                   [f.medianLifetimeMillis, f.p99LifetimeMillis], false);
            }
            plot('arena: free pages', [{label: 'free pages', stroke: 'black'}], [data.freePages], false);
            document.getElementById('rendered').textContent = String(drawn);
            """;

    /** NaN (no lifetime yet) becomes null, which uPlot leaves as a gap. */
    static String numbers(List<Double> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            out.append(i == 0 ? "" : ",").append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "null");
        }
        return out.append(']').toString();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c)); // no </script> can end the block early
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String path) {
        try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + path + ": rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
