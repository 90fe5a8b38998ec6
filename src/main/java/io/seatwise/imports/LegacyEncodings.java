package io.seatwise.imports;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * The code page of a plain "CSV" that Excel wrote in the user's Windows locale, when the file is not UTF-8: Western
 * (windows-1252, French and Swedish), Cyrillic (windows-1251, Russian) or Chinese (GB18030, a superset of GBK).
 * Mozilla's detector (juniversalchardet) decides from the bytes; it reads a few lines of Chinese names as Western,
 * so Chinese is also recognised by its shape: bytes above 0x80 that come in GB2312 pairs, where Western text has a
 * single accented letter among ASCII letters.
 */
final class LegacyEncodings {

    static final Charset WESTERN = Charset.forName("windows-1252");
    static final Charset CHINESE = Charset.forName("GB18030");
    private static final Set<String> TRUSTED = Set.of("WINDOWS-1251", "KOI8-R", "IBM866", "X-MAC-CYRILLIC",
            "GB18030", "BIG5", "SHIFT_JIS", "EUC-JP", "EUC-KR", "EUC-TW", "WINDOWS-1253", "WINDOWS-1255",
            "ISO-8859-7", "ISO-8859-5");

    private LegacyEncodings() {
    }

    /** The code page of the text that starts at {@code sample}'s position (not moved). */
    static Charset guess(ByteBuffer sample) {
        ByteBuffer view = sample.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name != null && TRUSTED.contains(name.toUpperCase(Locale.ROOT)) && Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        return looksChinese(bytes) ? CHINESE : WESTERN;
    }

    /** Nine in ten bytes above 0x80 are in pairs of the GB2312 range (0xA1–0xFE, twice). */
    static boolean looksChinese(byte[] bytes) {
        int high = 0;
        int paired = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            if (b >= 0xA1 && b <= 0xFE && i + 1 < bytes.length && (bytes[i + 1] & 0xFF) >= 0xA1
                    && (bytes[i + 1] & 0xFF) <= 0xFE) {
                high += 2;
                paired += 2;
                i++;
            } else {
                high++;
            }
        }
        return high >= 2 && paired * 10 >= high * 9;
    }
}
