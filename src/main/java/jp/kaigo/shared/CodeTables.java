package jp.kaigo.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small code-table CSV files shipped under {@code codes/} (header row, no quoting). */
final class CodeTables {
    private CodeTables() {
    }

    static List<String[]> read(String name) {
        var in = CodeTables.class.getResourceAsStream("/codes/" + name);
        if (in == null) {
            throw new IllegalStateException("code table missing: " + name);
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
