package dev.otpkit.qr.internal;

/**
 * A square grid of QR modules with its quiet zone included: {@code true} is dark. Immutable.
 * Writers read it row by row; coordinates outside the symbol (in the quiet zone) are light.
 */
public final class ModuleGrid {
    private final boolean[][] dark;
    private final int quietZone;
    private final int size;

    /**
     * Wraps a symbol's modules and surrounds them with a light border.
     *
     * @param symbol the modules, {@code symbol[y][x]}, square; copied
     * @param quietZone the width of the light border, in modules
     */
    public ModuleGrid(boolean[][] symbol, int quietZone) {
        this.dark = new boolean[symbol.length][];
        for (int y = 0; y < symbol.length; y++) {
            dark[y] = symbol[y].clone();
        }
        this.quietZone = quietZone;
        this.size = symbol.length + 2 * quietZone;
    }

    /**
     * Returns the width and height, quiet zone included.
     *
     * @return the number of modules per side
     */
    public int size() {
        return size;
    }

    /**
     * Tells whether a module is dark.
     *
     * @param x the column, 0 to {@code size() - 1}; anything else is light
     * @param y the row, 0 to {@code size() - 1}; anything else is light
     * @return whether the module is dark
     */
    public boolean isDark(int x, int y) {
        int symbolX = x - quietZone;
        int symbolY = y - quietZone;
        return symbolY >= 0 && symbolY < dark.length && symbolX >= 0 && symbolX < dark.length
                && dark[symbolY][symbolX];
    }
}
