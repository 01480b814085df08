package uk.ombudsman.analytics.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one parse partition, packed for shipping. Every task over the parsed data carries its partition,
 * and so this group, through Java serialisation; thousands of path objects made tasks of 3.7 MB at 100,000 files,
 * and their deserialisation a twentieth of the executors' time. Packed, a group is the path prefix its files
 * share, their remaining names in one string and their lengths in one array.
 */
record FileGroup(String prefix, String names, long[] lengths) implements Serializable {
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
        return new FileGroup(prefix, names.toString(), lengths);
    }

    List<CorpusFiles.InputFile> files() {
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
}
