package jp.kaigo.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Mutation fuzzing over a seed corpus ({@code src/test/resources/fuzz/<name>/}): each round takes a corpus file and
 * applies a few random edits (bytes flipped, dropped, doubled or cut; separators, quotes, brackets, huge numbers,
 * full-width digits, 和暦 eras, invalid UTF-8 and BOMs inserted; two files spliced). Seeded, so a failure names the
 * seed and round that reproduce it. {@code -Dkaigo.fuzz.rounds=N} multiplies every test's rounds (default 1, kept
 * small so the whole suite stays quick); {@code -Dkaigo.fuzz.seed=S} picks another seed.
 *
 * <p>A plain loop rather than Jazzer (its artefacts do not resolve from this build's registry) or jqwik: the inputs
 * that find parser bugs are edits of real files, and a loop over a corpus says which file and edit broke it.
 */
public final class Fuzz {
    private static final byte[][] TOKENS = tokens("\"", ",", "\n", "\r\n", "\r", "{", "}", "[", "]", ":", "\\", "\t",
            "\u0000", "null", "true", "-1", "0", "99999999999999999999999", "1e400", "NaN", "２０２６", "令和", "令和元年",
            "平成31年4月31日", "R07.02.30", "昭和64年1月8日", "9999-12-31", "0000-00-00", "2026-02-30", "\uFEFF", "\"\"",
            "\u3000", "𠮷", "ｱｲｳ", "\u202E", "=cmd|' /C calc'!A0", "%s%n", "${jndi:x}", "<script>", "'; drop table x; --");
    private final long seed;
    private final Random random;

    private Fuzz(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A fuzzer seeded by the system property {@code kaigo.fuzz.seed}, or by the test's own number. */
    public static Fuzz seeded(long defaultSeed) {
        return new Fuzz(Long.getLong("kaigo.fuzz.seed", defaultSeed));
    }

    /** The rounds for a test: its default times {@code kaigo.fuzz.rounds}. */
    public static int rounds(int byDefault) {
        return byDefault * Integer.getInteger("kaigo.fuzz.rounds", 1);
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    /** Every file of a corpus directory under {@code src/test/resources/fuzz/}, sorted by name. */
    public static List<byte[]> corpus(String name) {
        try {
            Path dir = Path.of(Fuzz.class.getResource("/fuzz/" + name).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.sorted().map(f -> {
                    try {
                        return Files.readAllBytes(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fuzz corpus " + name, e);
        }
    }

    /** One mutant of a corpus entry (now and then the entry itself, or two entries spliced). */
    public byte[] mutant(List<byte[]> corpus) {
        byte[] input = corpus.get(random.nextInt(corpus.size()));
        if (random.nextInt(20) == 0) {
            return input;
        }
        if (corpus.size() > 1 && random.nextInt(10) == 0) {
            byte[] other = corpus.get(random.nextInt(corpus.size()));
            int a = random.nextInt(input.length + 1);
            int b = random.nextInt(other.length + 1);
            input = concat(Arrays.copyOf(input, a), Arrays.copyOfRange(other, b, other.length));
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            input = edit(input);
        }
        return input;
    }

    /** A mutant as text (invalid UTF-8 becomes U+FFFD): for parsers that take a string. */
    public String mutantText(List<byte[]> corpus) {
        return new String(mutant(corpus), StandardCharsets.UTF_8);
    }

    private byte[] edit(byte[] in) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        return switch (random.nextInt(8)) {
            case 0 -> { // flip a byte
                if (in.length == 0) {
                    yield in;
                }
                byte[] out = in.clone();
                out[Math.min(at, in.length - 1)] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 1 -> { // drop a run
                int end = Math.min(in.length, at + 1 + random.nextInt(16));
                yield concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, end, in.length));
            }
            case 2 -> { // double a run
                int end = Math.min(in.length, at + 1 + random.nextInt(32));
                yield concat(Arrays.copyOf(in, end), Arrays.copyOfRange(in, at, in.length));
            }
            case 3 -> Arrays.copyOf(in, at); // cut short
            case 4 -> { // an invalid UTF-8 or Shift_JIS lead byte
                byte[] bad = {(byte) (0x80 + random.nextInt(0x80))};
                yield concat(concat(Arrays.copyOf(in, at), bad), Arrays.copyOfRange(in, at, in.length));
            }
            case 5 -> { // replace a run of digits or letters with a token
                int end = at;
                while (end < in.length && Character.isLetterOrDigit(in[end]) && end - at < 20) {
                    end++;
                }
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                yield concat(concat(Arrays.copyOf(in, at), token), Arrays.copyOfRange(in, end, in.length));
            }
            default -> { // insert a token
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                yield concat(concat(Arrays.copyOf(in, at), token), Arrays.copyOfRange(in, at, in.length));
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[][] tokens(String... texts) {
        List<byte[]> all = new ArrayList<>();
        for (String t : texts) {
            all.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return all.toArray(new byte[0][]);
    }

    /** What a failing round prints: seed, round and the input (escaped), to reproduce it. */
    public String describe(int round, byte[] input) {
        return "seed " + seed + ", round " + round + ", input: " + new String(input, StandardCharsets.UTF_8)
                .replace("\r", "\\r").replace("\n", "\\n\n");
    }
}
