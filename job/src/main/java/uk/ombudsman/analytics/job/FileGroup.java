package uk.ombudsman.analytics.job;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The files of one parse partition, packed for shipping. Every task over the parsed data carries its partition,
 * and so this group, through Java serialisation; thousands of path objects made tasks of 3.7 MB at 100,000 files,
 * and their deserialisation a twentieth of the executors' time. Packed, a group is the path prefix its files
 * share, their remaining names deflated into one array (paths in a mirror repeat themselves: a fifth of the size)
 * and their lengths in another.
 */
record FileGroup(String prefix, byte[] names, long[] lengths) implements Serializable {
    /** Cannot occur in a path, so it separates names unambiguously. */
    private static final char SEPARATOR = '\0';

    static FileGroup of(List<CorpusFiles.InputFile> files) {
        String prefix = files.isEmpty() ? "" : files.get(0).path();
        for (CorpusFiles.InputFile f : files) {
            int n = 0;
            int max = Math.min(prefix.length(), f.path().length());
            while (n < max && prefix.charAt(n) == f.path().charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        StringBuilder names = new StringBuilder();
        long[] lengths = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                names.append(SEPARATOR);
            }
            names.append(files.get(i).path(), prefix.length(), files.get(i).path().length());
            lengths[i] = files.get(i).length();
        }
        return new FileGroup(prefix, deflate(names.toString().getBytes(StandardCharsets.UTF_8)), lengths);
    }

    List<CorpusFiles.InputFile> files() {
        String names = new String(inflate(this.names), StandardCharsets.UTF_8);
        List<CorpusFiles.InputFile> out = new ArrayList<>(lengths.length);
        int start = 0;
        for (long length : lengths) {
            int end = names.indexOf(SEPARATOR, start);
            end = end < 0 ? names.length() : end;
            out.add(new CorpusFiles.InputFile(prefix + names.substring(start, end), length));
            start = end + 1;
        }
        return out;
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 5);
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a packed file group is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("a packed file group is corrupt", e);
        } finally {
            inflater.end();
        }
    }
}
