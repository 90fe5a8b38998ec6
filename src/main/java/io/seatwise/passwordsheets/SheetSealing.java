package io.seatwise.passwordsheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.seatwise.passwordsheets.PasswordSheets.Entry;
import io.seatwise.passwordsheets.PasswordSheets.Sealed;
import io.seatwise.shared.Sealer;
import org.springframework.stereotype.Component;

/**
 * A sheet's lines as stored: {@value #GROUP} lines to a group, each group encoded (count, then user name, display
 * name and password of each line) and encrypted with {@link Sealer}. One encryption and one row per group keeps an
 * import of 100,000 users quick. Thread-safe and needs no transaction.
 */
@Component
class SheetSealing {

    static final int GROUP = 250;

    private final Sealer sealer;

    SheetSealing(Sealer sealer) {
        this.sealer = sealer;
    }

    Sealed seal(List<Entry> entries) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += GROUP) {
            groups.add(sealer.seal(encode(entries.subList(i, Math.min(entries.size(), i + GROUP)))));
        }
        return new Sealed(entries.size(), groups);
    }

    List<Entry> open(List<String> groups) {
        return groups.stream().flatMap(sealed -> decode(sealer.openBytes(sealed)).stream()).toList();
    }

    private static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeUTF(e.userPrincipalName());
                out.writeUTF(e.displayName());
                out.writeUTF(e.temporaryPassword());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Entry> decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            List<Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new Entry(in.readUTF(), in.readUTF(), in.readUTF()));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
