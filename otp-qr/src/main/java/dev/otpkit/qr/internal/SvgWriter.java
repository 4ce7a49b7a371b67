package dev.otpkit.qr.internal;

/**
 * Writes a module grid as a compact SVG: a white background and one black path made of one
 * rectangle per horizontal run of dark modules, in module units scaled by the viewBox.
 */
public final class SvgWriter {
    private SvgWriter() {
    }

    /**
     * Renders the grid.
     *
     * @param grid the modules, quiet zone included
     * @param moduleSize the displayed size of a module in CSS pixels, 1 or more
     * @return the SVG document, one line
     */
    public static String write(ModuleGrid grid, int moduleSize) {
        int size = grid.size();
        int pixels = size * moduleSize;
        StringBuilder svg = new StringBuilder(64 * size)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" width=\"").append(pixels).append("\" height=\"").append(pixels)
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"").append(size).append("\" height=\"")
                .append(size).append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!grid.isDark(x, y)) {
                    x++;
                    continue;
                }
                int runStart = x;
                while (x < size && grid.isDark(x, y)) {
                    x++;
                }
                int run = x - runStart;
                svg.append('M').append(runStart).append(' ').append(y)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return svg.append("\"/></svg>\n").toString();
    }
}
