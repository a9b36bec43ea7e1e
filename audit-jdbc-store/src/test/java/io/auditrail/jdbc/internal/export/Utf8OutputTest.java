package io.auditrail.jdbc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The export's buffer must give the bytes the {@code OutputStreamWriter} it replaced gave. */
class Utf8OutputTest {

    private static final String[] PIECES = {"a", "invoice.created", ",", "\"", "\r\n", "ü", "é", "日本", "😀", "\uD83D",
        "\uDE00", "\u2028", "\uFF1D", "\u0000", "\u007F", "\u0085"};

    /** Random text in every UTF-8 length, lone and split surrogates included, past several buffer fills. */
    @Test
    void encodesAsOutputStreamWriterDoes() throws IOException {
        Random random = new Random(19);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        Writer reference = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
        Utf8Output output = new Utf8Output(actual);
        int plainCells = 0;
        for (int i = 0; i < 20_000; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            switch (random.nextInt(5)) {
                case 0 -> {
                    reference.write(piece);
                    output.write(piece);
                }
                case 1 -> {
                    reference.write(piece.toCharArray(), 0, piece.length());
                    output.write(piece.toCharArray(), 0, piece.length());
                }
                case 2 -> {
                    for (char c : piece.toCharArray()) {
                        reference.write(c);
                        output.write(c);
                    }
                }
                case 3 -> {
                    reference.write(piece.replace("\"", "\"\""));
                    output.writeDoublingQuotes(piece);
                }
                default -> {
                    String cell = i % 2 == 0 ? "'" + piece : piece;
                    boolean written = output.writeUnlessQuotesNeeded(piece, i % 2 == 0);
                    boolean plain = piece.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
                    assertThat(written).as("written although it needs quotes").isEqualTo(written && plain);
                    if (written) {
                        reference.write(cell);
                        plainCells++;
                    }
                }
            }
        }
        reference.write("end");
        output.write("end");
        reference.flush();
        output.finish();

        assertThat(actual.size()).isGreaterThan(3 * 16 * 1024);
        assertThat(plainCells).as("cells written in one pass").isGreaterThan(2000);
        int at = Arrays.mismatch(actual.toByteArray(), expected.toByteArray());
        assertThat(at).as("first differing byte").isEqualTo(-1);
    }

    /** One character at a time, so that every call meets every free space left in the buffer. */
    @Test
    void fillsTheBufferToEveryPosition() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output output = new Utf8Output(bytes);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            String piece = i % 3 == 0 ? "\"" : i % 7 == 0 ? "é" : "a";
            if (i % 2 == 0) {
                output.write(piece);
                expected.append(piece);
            } else {
                output.writeDoublingQuotes(piece);
                expected.append(piece.replace("\"", "\"\""));
            }
        }
        output.finish();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void keepsEverythingBufferedUntilFinished() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output output = new Utf8Output(bytes);

        output.write("{\"id\":1}");
        output.flush();
        output.close();

        assertThat(bytes.size()).isZero();
        output.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
    }
}
