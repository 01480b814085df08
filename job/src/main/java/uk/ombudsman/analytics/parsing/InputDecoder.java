package uk.ombudsman.analytics.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.record.QuarantineReason;

/**
 * Turns the bytes of an input file into decision text: strips a byte-order mark, reads strict UTF-8 and falls
 * back to Windows-1252 (what older saved pages use), and renders HTML pages to text. Files that are empty or
 * binary come back as a quarantine reason instead.
 */
public final class InputDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern HTML_START = Pattern.compile(
            "^\\s*(<!doctype\\s+html|<html|<head|<body|<\\?xml[^>]*>\\s*<html|<!--)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAGS = Pattern.compile("<(p|div|h[1-6]|br|li|span|table)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    /** How much of a file is sniffed for binary content and HTML markers. */
    private static final int SNIFF = 8192;

    private InputDecoder() {
    }

    /** The decoded text of a file, or why it has none. */
    public record Decoded(String text, boolean html, QuarantineReason rejection) {
        static Decoded rejected(QuarantineReason reason) {
            return new Decoded(null, false, reason);
        }
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Decoded.rejected(QuarantineReason.EMPTY);
        }
        if (startsWith(bytes, 0x1F, 0x8B, 0x08)) {
            // A page saved gzip-compressed, as mirrors and archives keep them: read what it holds.
            byte[] inflated = gunzip(bytes);
            return inflated == null ? Decoded.rejected(QuarantineReason.BINARY) : decodeText(inflated);
        }
        return decodeText(bytes);
    }

    /**
     * The content of a gzip file, or null when it is not one whole or would inflate past the largest file read: a
     * small file that inflates to gigabytes must not take the executor's memory.
     */
    private static byte[] gunzip(byte[] bytes) {
        long cap = QuarantineReason.MAX_FILE_MB * 1024L * 1024L;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(bytes))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > cap) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Decoded decodeText(byte[] bytes) {
        if (bytes.length == 0) {
            return Decoded.rejected(QuarantineReason.EMPTY);
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = lenientUtf8(bytes, 3);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (looksBinary(bytes)) {
            return Decoded.rejected(QuarantineReason.BINARY);
        } else {
            text = strictUtf8(bytes);
            if (text == null) {
                text = new String(bytes, WINDOWS_1252);
            }
        }
        if (text.isBlank()) {
            return Decoded.rejected(QuarantineReason.EMPTY);
        }
        String head = text.substring(0, Math.min(text.length(), SNIFF));
        boolean html = head.indexOf('<') >= 0 && (HTML_START.matcher(head).find() || countTags(head) >= 3);
        if (html) {
            text = HtmlText.render(text);
            if (text.isBlank()) {
                return Decoded.rejected(QuarantineReason.EMPTY);
            }
        }
        return new Decoded(text, html, null);
    }

    private static int countTags(String head) {
        var m = HTML_TAGS.matcher(head);
        int n = 0;
        while (m.find() && n < 3) {
            n++;
        }
        return n;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text never holds NUL, and rarely more than a few control characters; a file that does is binary (an image,
     * a PDF, a zip), whatever its name.
     */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return control * 20 > n;
    }

    private static String strictUtf8(byte[] bytes) {
        // The JDK's lenient decoding is intrinsic and fast; only text with a replacement character needs the
        // strict decoder's verdict (a real U+FFFD in valid UTF-8 passes it).
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenientUtf8(byte[] bytes, int offset) {
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    }
}
