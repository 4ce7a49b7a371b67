package dev.otpkit.qr.internal;

/**
 * Draws a module grid with Unicode half blocks: each character cell, about twice as tall as it
 * is wide, holds two modules one above the other, so the modules come out square and a phone
 * camera can read the code off the screen. Plain text, no escape codes.
 */
public final class TerminalWriter {
    private static final char BOTH = '\u2588';  // full block
    private static final char UPPER = '\u2580'; // upper half block
    private static final char LOWER = '\u2584'; // lower half block
    private static final char NEITHER = ' ';

    private TerminalWriter() {
    }

    /**
     * Draws the grid.
     *
     * @param grid the modules, quiet zone included
     * @param inkIsLight {@code true} to draw the light modules with ink, for terminals with light
     *     text on a dark background; {@code false} to draw the dark modules, for dark text on
     *     light
     * @return the lines, each ending with {@code '\n'}; a final odd row is paired with a row of
     *     background
     */
    public static String write(ModuleGrid grid, boolean inkIsLight) {
        int size = grid.size();
        StringBuilder text = new StringBuilder((size + 1) * (size + 1) / 2);
        for (int y = 0; y < size; y += 2) {
            for (int x = 0; x < size; x++) {
                boolean upper = grid.isDark(x, y) != inkIsLight;
                // The row below the last is outside the code: background, i.e. no ink.
                boolean lower = y + 1 < size && grid.isDark(x, y + 1) != inkIsLight;
                text.append(upper ? (lower ? BOTH : UPPER) : (lower ? LOWER : NEITHER));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
