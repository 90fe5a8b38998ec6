package io.seatwise.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded users file in the encoding Excel wrote it in. A byte-order mark decides (UTF-8, UTF-16LE
 * as Excel's "Unicode text", UTF-16BE); without one the file is UTF-8 ("CSV UTF-8"), unless its bytes are not
 * valid UTF-8: then it is in the code page Excel's plain "CSV" uses in the user's Windows locale — windows-1252
 * (Western), windows-1251 (Cyrillic) or GB18030 (Chinese) — told from the bytes ({@link LegacyEncodings}).
 *
 * <p>The choice between the last two is made where the first byte that is not ASCII comes, however far into the
 * file: everything before it is ASCII, which both encodings read alike, so nothing is buffered and nothing read
 * twice. Bytes that fit neither are a file-level error with the line they are on, never silently replaced.
 */
final class UserImportReader extends Reader {

    /** Why the text cannot be read on: a broken encoding, or a record that never ends. */
    static final class Unreadable extends IOException {

        final long line;
        final UserImportProblem.Code code;

        Unreadable(long line, UserImportProblem.Code code, String message) {
            super(message);
            this.line = line;
            this.code = code;
        }
    }

    /** The bytes read ahead; also the most of a file that a legacy code page is told from. */
    static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final ByteBuffer bytes;
    private final CharBuffer spill = CharBuffer.allocate(2);
    private CharsetDecoder decoder;
    /** No byte-order mark: UTF-8 until a byte says windows-1252. */
    private boolean guessing;
    private boolean sawNonAscii;
    private boolean endOfInput;
    private boolean done;
    private long line = 1;
    private boolean afterCr;
    private long delivered;
    private long limit = Long.MAX_VALUE;
    private long limitLine;
    private int limitChars;

    UserImportReader(InputStream in) throws IOException {
        this(in, BUFFER_BYTES);
    }

    /** Reading ahead {@code bufferBytes} (at least 4) at a time: small ones let tests put any byte at an edge. */
    UserImportReader(InputStream in, int bufferBytes) throws IOException {
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferBytes);
        bytes.limit(0);
        fill(4);
        int n = bytes.remaining();
        int b0 = n > 0 ? bytes.get(0) & 0xff : -1;
        int b1 = n > 1 ? bytes.get(1) & 0xff : -1;
        int b2 = n > 2 ? bytes.get(2) & 0xff : -1;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
            start(StandardCharsets.UTF_8, 3);
        } else if (b0 == 0xff && b1 == 0xfe) {
            start(StandardCharsets.UTF_16LE, 2);
        } else if (b0 == 0xfe && b1 == 0xff) {
            start(StandardCharsets.UTF_16BE, 2);
        } else if (n > 1 && b0 != 0 && b1 == 0) {
            // UTF-16 without its mark: a header is letters, so every other byte is zero.
            start(StandardCharsets.UTF_16LE, 0);
        } else if (n > 1 && b0 == 0 && b1 != 0) {
            start(StandardCharsets.UTF_16BE, 0);
        } else {
            start(StandardCharsets.UTF_8, 0);
            guessing = true;
        }
    }

    /** The encoding the text is read in; without a byte-order mark, final only once the first non-ASCII byte is read. */
    Charset charset() {
        return decoder.charset();
    }

    /** The physical line the next character is on (lines end at CR, LF or CRLF). */
    long line() {
        return line;
    }

    /**
     * Refuses to deliver more than {@code maxChars} further characters, as a record that starts on {@code line}:
     * a quote that is never closed would otherwise read the rest of the file into one field.
     */
    void limitRecord(long recordLine, int maxChars) {
        limitLine = recordLine;
        limitChars = maxChars;
        limit = delivered + maxChars;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (spill.position() > 0 || length < 2) {
            return readThroughSpill(buffer, offset, length);
        }
        return decode(CharBuffer.wrap(buffer, offset, length));
    }

    /** A surrogate pair needs room for two characters; a one-character read gets them one at a time. */
    private int readThroughSpill(char[] buffer, int offset, int length) throws IOException {
        if (spill.position() == 0) {
            int n = decode(spill);
            if (n < 0) {
                return -1;
            }
        }
        spill.flip();
        int n = Math.min(length, spill.remaining());
        spill.get(buffer, offset, n);
        spill.compact();
        return n;
    }

    /** Decodes at least one character into {@code out}, or returns -1 at the end of the text. */
    private int decode(CharBuffer out) throws IOException {
        int start = out.position();
        while (true) {
            if (done) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int n = out.position() - start;
            if (n > 0) {
                account(out, start, n);
                return n;
            }
            if (result.isError()) {
                if (guessing && !sawNonAscii) {
                    guessing = false;
                    // Everything before was ASCII; the rest of the buffer (up to 64 KB) tells which code page.
                    fill(bytes.capacity());
                    decoder = decoder(LegacyEncodings.guess(bytes));
                    continue;
                }
                throw new Unreadable(line, UserImportProblem.Code.BAD_ENCODING, "the text is not valid "
                        + charset().displayName() + "; save the file from Excel as \"CSV UTF-8\" or \"Unicode text\"");
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    done = true;
                    n = out.position() - start;
                    if (n > 0) {
                        account(out, start, n);
                        return n;
                    }
                    return -1;
                }
                fill(bytes.capacity());
            }
        }
    }

    private void account(CharBuffer out, int start, int n) throws IOException {
        char[] chars = out.array();
        int from = out.arrayOffset() + start;
        for (int i = from; i < from + n; i++) {
            char c = chars[i];
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
            } else if (c == '\r') {
                line++;
            }
            afterCr = c == '\r';
            if (c > 0x7f) {
                sawNonAscii = true;
            }
        }
        delivered += n;
        if (delivered > limit) {
            throw new Unreadable(limitLine, UserImportProblem.Code.MALFORMED_CSV, "the row starting on this line "
                    + "is longer than " + limitChars + " characters: is a quote (\") never closed?");
        }
    }

    /** Reads more bytes until {@code wanted} are buffered or the input ends. */
    private void fill(int wanted) throws IOException {
        bytes.compact();
        try {
            while (bytes.position() < wanted && bytes.hasRemaining()) {
                int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                    break;
                }
                bytes.position(bytes.position() + n);
                if (bytes.position() >= wanted || n == 0) {
                    break;
                }
            }
        } finally {
            bytes.flip();
        }
    }

    private void start(Charset charset, int bom) {
        decoder = decoder(charset);
        bytes.position(bom);
    }

    private static CharsetDecoder decoder(Charset charset) {
        // Single-byte code pages leave a few byte values undefined; they are not worth refusing a file for.
        CodingErrorAction onError = charset.newEncoder().maxBytesPerChar() == 1 ? CodingErrorAction.REPLACE
                : CodingErrorAction.REPORT;
        return charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
