package io.seatwise.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.seatwise.imports.UserImportProblem.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading an import file as Excel saves it in any locale: encodings, separators, header names, quoting, and the
 * physical line each row starts on. Files are built here, byte by byte, as Excel writes them.
 */
class UserImportFileTests {

    static final String HEADER = "First name,Last name,Display name,User name,Usage location,Licenses";
    static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    static final byte[] UTF16LE_BOM = {(byte) 0xff, (byte) 0xfe};
    static final byte[] UTF16BE_BOM = {(byte) 0xfe, (byte) 0xff};
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static byte[] bytes(byte[] bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<UserImportRow> rows(byte[] file) {
        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            return f.rows().toList();
        }
    }

    static UserImportProblem fileProblem(byte[] file) {
        UserImportFileException e = catchThrowableOfType(UserImportFileException.class, () -> rows(file));
        assertThat(e).as("the file is refused as a whole").isNotNull();
        assertThat(e.problem().column() == null || e.problem().code() == Code.DUPLICATE_COLUMN).isTrue();
        assertThat(e.getMessage()).isEqualTo(e.problem().toString());
        return e.problem();
    }

    static UserImportRow row(long line, String first, String last, String display, String user, String location,
            String licenses) {
        return new UserImportRow(line, first, last, display, user, location, licenses);
    }

    @Test
    void readsUtf8WithByteOrderMarkAsExcelsCsvUtf8Writes() {
        byte[] file = bytes(UTF8_BOM, HEADER + "\r\nZoë,Ångström,Zoë Ångström,zoe@contoso.com,se,ENTERPRISEPACK\r\n",
                StandardCharsets.UTF_8);

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(f.header().separator()).isEqualTo(',');
            assertThat(f.header().columns().keySet()).containsExactly(UserImportColumn.values());
            assertThat(f.header().columns()).containsEntry(UserImportColumn.FIRST_NAME, "First name");
            assertThat(f.rows().toList()).containsExactly(
                    row(2, "Zoë", "Ångström", "Zoë Ångström", "zoe@contoso.com", "se", "ENTERPRISEPACK"));
        }
    }

    @Test
    void readsUtf8WithoutByteOrderMark() {
        byte[] file = utf8(HEADER + "\nZoë,Ångström,,zoe@contoso.com,,\n");

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(f.rows().toList()).containsExactly(row(2, "Zoë", "Ångström", null, "zoe@contoso.com", null, null));
        }
    }

    @Test
    void readsUtf16LittleEndianTabSeparatedAsExcelsUnicodeTextWrites() {
        String text = HEADER.replace(',', '\t') + "\r\n李\t小龙\t李小龙\tli@contoso.com\tCN\t\r\n"
                + "Ёлка\tПетрова\t\tyolka@contoso.com\tRU\tEMS\r\n";
        byte[] file = bytes(UTF16LE_BOM, text, StandardCharsets.UTF_16LE);

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(f.header().separator()).isEqualTo('\t');
            assertThat(f.rows().toList()).containsExactly(
                    row(2, "李", "小龙", "李小龙", "li@contoso.com", "CN", null),
                    row(3, "Ёлка", "Петрова", null, "yolka@contoso.com", "RU", "EMS"));
        }
    }

    @Test
    void readsUtf16BigEndianWithByteOrderMark() {
        byte[] file = bytes(UTF16BE_BOM, "User name;Display name\n" + "a@contoso.com;Ärla\n", StandardCharsets.UTF_16BE);

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_16BE);
            assertThat(f.rows().toList()).containsExactly(row(2, null, null, "Ärla", "a@contoso.com", null, null));
        }
    }

    @Test
    void readsUtf16WithoutByteOrderMarkByItsZeroBytes() {
        byte[] file = bytes(new byte[0], "User name\tDisplay name\r\na@contoso.com\tÅsa\r\n", StandardCharsets.UTF_16LE);

        assertThat(rows(file)).containsExactly(row(2, null, null, "Åsa", "a@contoso.com", null, null));
    }

    @Test
    void readsWindows1252AsExcelsPlainCsvWritesInWesternLocales() {
        byte[] file = bytes(new byte[0], "Prénom;Nom;Nom d'utilisateur\r\nRenée;Lefèvre;renee@contoso.fr\r\n",
                WINDOWS_1252);

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.header().separator()).isEqualTo(';');
            assertThat(f.rows().toList()).containsExactly(row(2, "Renée", "Lefèvre", null, "renee@contoso.fr", null, null));
            assertThat(f.charset()).isEqualTo(WINDOWS_1252);
        }
    }

    @Test
    void readsWindows1251AsExcelsPlainCsvWritesInRussianLocales() {
        byte[] file = bytes(new byte[0], "Имя;Фамилия;Отображаемое имя;Имя пользователя\r\n"
                + "Юлия;Иванова;Юлия Иванова;julia@contoso.ru\r\nПётр;Ёлкин;;petr@contoso.ru\r\n",
                Charset.forName("windows-1251"));

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.rows().toList()).containsExactly(
                    row(2, "Юлия", "Иванова", "Юлия Иванова", "julia@contoso.ru", null, null),
                    row(3, "Пётр", "Ёлкин", null, "petr@contoso.ru", null, null));
            assertThat(f.charset()).isEqualTo(Charset.forName("windows-1251"));
        }
    }

    @Test
    void readsGbkAsExcelsPlainCsvWritesInChineseLocales() {
        byte[] file = bytes(new byte[0], "First name,Last name,Display name,User name\r\n"
                + "明,王,王明,wang@contoso.cn\r\n静,陈,陈静,chen@contoso.cn\r\n", Charset.forName("GBK"));

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            assertThat(f.rows().toList()).containsExactly(
                    row(2, "明", "王", "王明", "wang@contoso.cn", null, null),
                    row(3, "静", "陈", "陈静", "chen@contoso.cn", null, null));
            assertThat(f.charset()).isEqualTo(Charset.forName("GB18030"));
        }
    }

    @Test
    void westernNamesWithAccentsAreNotTakenForChinese() {
        assertThat(LegacyEncodings.looksChinese("Émile Zoë Åsa Öberg Renée Lefèvre".getBytes(WINDOWS_1252)))
                .isFalse();
        assertThat(LegacyEncodings.looksChinese("王明 陈静 李娜".getBytes(Charset.forName("GBK")))).isTrue();
    }

    @Test
    void readsWindows1252WhoseFirstAccentComesFarIntoTheFile() {
        // Past any prefix one could sniff: the first byte that is not ASCII is on line 5,002.
        StringBuilder text = new StringBuilder("User name,Display name\r\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("user").append(i).append("@contoso.com,User ").append(i).append("\r\n");
        }
        text.append("noel@contoso.com,Noël €uro\r\n");
        byte[] file = bytes(new byte[0], text.toString(), WINDOWS_1252);

        List<UserImportRow> rows = rows(file);

        assertThat(rows).hasSize(5_001);
        assertThat(rows.get(5_000)).isEqualTo(row(5_002, null, null, "Noël €uro", "noel@contoso.com", null, null));
    }

    @Test
    void refusesUtf8ThatBreaksAfterValidAccentsNamingTheLine() {
        byte[] start = utf8("User name,Display name\nzoe@contoso.com,Zoë\nx@contoso.com,");
        byte[] file = new byte[start.length + 3];
        System.arraycopy(start, 0, file, 0, start.length);
        file[start.length] = (byte) 0xe9; // é in windows-1252, after UTF-8's ë: neither encoding reads the file
        file[start.length + 1] = '\n';
        file[start.length + 2] = 'z';

        UserImportProblem problem = fileProblem(file);

        assertThat(problem.code()).isEqualTo(Code.BAD_ENCODING);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("UTF-8").contains("CSV UTF-8");
    }

    @Test
    void refusesBrokenUtf8AfterAByteOrderMark() {
        byte[] file = bytes(UTF8_BOM, "User name,Display name\n", StandardCharsets.UTF_8);
        byte[] broken = new byte[file.length + 3];
        System.arraycopy(file, 0, broken, 0, file.length);
        broken[file.length] = 'a';
        broken[file.length + 1] = (byte) 0xff;
        broken[file.length + 2] = '\n';

        UserImportProblem problem = fileProblem(broken);

        assertThat(problem.code()).isEqualTo(Code.BAD_ENCODING);
        assertThat(problem.line()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsEachSeparatorFromTheHeader(String separator) {
        String text = String.join(separator, "User name", "Display name", "Licenses") + "\n"
                + String.join(separator, "a@contoso.com", "\"Smith, Jane; Dr\"", "\"E3;EMS\"") + "\n";

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
            assertThat(f.header().separator()).isEqualTo(separator.charAt(0));
            assertThat(f.rows().toList()).containsExactly(
                    row(2, null, null, "Smith, Jane; Dr", "a@contoso.com", null, "E3;EMS"));
        }
    }

    @Test
    void choosesTheSeparatorThatFindsTheMostColumnsNotTheMostCells() {
        // Split by comma this header has more cells; only the semicolon finds the columns.
        String text = "User name;Display name;\"Notes, remarks, more\"\na@contoso.com;A;x,y\n";

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
            assertThat(f.header().separator()).isEqualTo(';');
            assertThat(f.header().ignored()).containsExactly("Notes, remarks, more");
        }
    }

    @Test
    void followsExcelsSeparatorLine() {
        String text = "sep=|\nUser name|Display name\na@contoso.com|A, B\n";

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
            assertThat(f.header().separator()).isEqualTo('|');
            assertThat(f.header().line()).isEqualTo(2);
            assertThat(f.rows().toList()).containsExactly(row(3, null, null, "A, B", "a@contoso.com", null, null));
        }
    }

    @Test
    void aSeparatorLineNamingTheQuoteIsNoHintButTheHeaderLineAndSoAFileProblem() {
        // found by fuzzing: "sep=\"" made Commons CSV refuse the quote as delimiter with an exception
        assertThatThrownBy(() -> UserImportFile.open(new ByteArrayInputStream(utf8("sep=\"\na@contoso.com,A\n"))))
                .isInstanceOf(UserImportFileException.class);
    }

    @Test
    void matchesHeaderNamesWhateverTheirCaseSpacesAndOrderAndIgnoresOtherColumns() {
        String text = "  LICENSES (optional) , Department,user NAME,usage_location,DisplayName ,\"first  name\",LAST-NAME,\n"
                + "EMS,Sales,a@contoso.com,fr,Ann Lee,Ann,Lee,\n";

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
            assertThat(f.header().columns().keySet()).containsExactly(UserImportColumn.LICENSES,
                    UserImportColumn.USER_NAME, UserImportColumn.USAGE_LOCATION, UserImportColumn.DISPLAY_NAME,
                    UserImportColumn.FIRST_NAME, UserImportColumn.LAST_NAME);
            assertThat(f.header().columns()).containsEntry(UserImportColumn.LICENSES, "LICENSES (optional)");
            assertThat(f.header().ignored()).containsExactly("Department");
            assertThat(f.rows().toList()).containsExactly(row(2, "Ann", "Lee", "Ann Lee", "a@contoso.com", "fr", "EMS"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Prénom;Nom;Nom complet;Nom d’utilisateur;Emplacement d’utilisation;Licences",
            "Prénom;Nom;Nom complet;Nom d'utilisateur;Emplacement d'utilisation;Licences",
            "Имя;Фамилия;Отображаемое имя;Имя пользователя;Расположение для использования;Лицензии",
            "名字,姓氏,显示名称,用户名,使用位置,许可证",
            "Förnamn;Efternamn;Visningsnamn;Användarnamn;Användningsplats;Licenser",
            "givenName,surname,displayName,userPrincipalName,usageLocation,licenses",
            "First Name,Last Name,Display Name,User Name,Job Title,Department,Country or Region"})
    void acceptsTheTemplateHeadersOfEveryConsoleLanguageAndTheApiNames(String header) {
        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(header + "\n")))) {
            assertThat(f.header().columns()).containsKeys(UserImportColumn.FIRST_NAME, UserImportColumn.LAST_NAME,
                    UserImportColumn.DISPLAY_NAME, UserImportColumn.USER_NAME);
            assertThat(f.rows()).isEmpty();
        }
    }

    @Test
    void doesNotTakeTheAddressCountryOfMicrosoftsTemplateForTheUsageLocation() {
        String text = "User Name,Display Name,Country or Region\na@contoso.com,A,United States\n";

        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
            assertThat(f.header().has(UserImportColumn.USAGE_LOCATION)).isFalse();
            assertThat(f.header().ignored()).containsExactly("Country or Region");
        }
    }

    @Test
    void refusesAHeaderWithoutUserName() {
        UserImportProblem problem = fileProblem(utf8("First name,Last name,Display name\nA,B,C\n"));

        assertThat(problem.code()).isEqualTo(Code.MISSING_COLUMN);
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("no User name column").contains("found: First name, Last name");
    }

    @Test
    void refusesAHeaderWithNeitherDisplayNameNorFirstAndLastName() {
        UserImportProblem problem = fileProblem(utf8("User name,First name,Usage location\n"));

        assertThat(problem.code()).isEqualTo(Code.MISSING_COLUMN);
        assertThat(problem.message()).contains("no Display name (or both First name and Last name) column");
    }

    @Test
    void acceptsFirstAndLastNameInsteadOfDisplayName() {
        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8("Last name,User name,First name\n")))) {
            assertThat(f.header().has(UserImportColumn.DISPLAY_NAME)).isFalse();
        }
    }

    @Test
    void refusesALineThatIsNoHeaderAtAll() {
        UserImportProblem problem = fileProblem(utf8("ann@contoso.com,Ann\nbob@contoso.com,Bob\n"));

        assertThat(problem.code()).isEqualTo(Code.MISSING_COLUMN);
        assertThat(problem.message()).contains("found: none of the import's columns")
                .contains("First name, Last name, Display name, User name, Usage location, Licenses");
    }

    @Test
    void refusesAColumnNamedTwice() {
        UserImportProblem problem = fileProblem(utf8("User name,Display name,userPrincipalName\n"));

        assertThat(problem.code()).isEqualTo(Code.DUPLICATE_COLUMN);
        assertThat(problem.column()).isEqualTo(UserImportColumn.USER_NAME);
        assertThat(problem.message()).contains("'User name' and 'userPrincipalName'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n\r\n", "   \n,,,\n", "\ufeff"})
    void refusesAnEmptyFile(String text) {
        UserImportProblem problem = fileProblem(utf8(text));

        assertThat(problem.code()).isEqualTo(Code.EMPTY_FILE);
        assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void numbersRowsByTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() {
        String text = "User name,Display name,Licenses\r\n"
                + "a@contoso.com,\"Ann\r\nsecond line\",\"E3\r\nEMS\"\r\n"      // lines 2-4
                + "\r\n"                                                     // 5: blank
                + ",,\r\n"                                                   // 6: separators only
                + "  \t \r\n"                                                 // 7: spaces only
                + "b@contoso.com,\"Bob \"\"the builder\"\"\",\r\n"           // 8
                + "c@contoso.com,\"multi\n\nline\"\n"                         // 9-11, LF only
                + "d@contoso.com,Dee";                                        // 12, no line end

        assertThat(rows(utf8(text))).extracting(UserImportRow::line, UserImportRow::displayName).containsExactly(
                tuple(2L, "Ann\r\nsecond line"),
                tuple(8L, "Bob \"the builder\""),
                tuple(9L, "multi\n\nline"),
                tuple(12L, "Dee"));
    }

    @Test
    void stripsCellsOfSpacesNoBreakSpacesAndZeroWidthSpacesAndReadsShortRows() {
        String text = "User name,Display name,Usage location\n\u00a0a@contoso.com\u200b , \" Ann \"\n";

        assertThat(rows(utf8(text))).containsExactly(row(2, null, null, "Ann", "a@contoso.com", null, null));
    }

    @Test
    void refusesAQuoteThatIsNeverClosedNamingTheLineItOpensOn() {
        String text = "User name,Display name\na@contoso.com,Ann\nb@contoso.com,\"Bob\nc@contoso.com,Cy\n";

        UserImportFileException e = catchThrowableOfType(UserImportFileException.class, () -> {
            try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
                f.rows().forEach(row -> { });
            }
        });

        assertThat(e.problem().code()).isEqualTo(Code.MALFORMED_CSV);
        assertThat(e.problem().line()).isEqualTo(3);
        assertThat(e.problem().message()).contains("never closed");
        assertThat(e.getMessage()).startsWith("Line 3: ");
        assertThat(e.type()).isEqualTo("import-file-invalid");
        assertThat(e.properties()).containsEntry("line", 3L).containsEntry("code", "malformed-csv");
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        UserImportProblem problem = fileProblem(utf8("User name,Display name\na@contoso.com,\"Ann\" Lee\n"));

        assertThat(problem.code()).isEqualTo(Code.MALFORMED_CSV);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("quote");
    }

    @Test
    void givesTheRowsReadBeforeABrokenLine() {
        String text = "User name,Display name\na@contoso.com,Ann\nb@contoso.com,\"Bob\n";
        List<Long> lines = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8(text)))) {
                f.rows().forEach(row -> lines.add(row.line()));
            }
        }).isInstanceOf(UserImportFileException.class);
        assertThat(lines).containsExactly(2L);
    }

    @Test
    void refusesARecordLongerThanTheLimitWithoutReadingTheRestOfTheFile() {
        // An unclosed quote on line 2 of a large file: refused once the record passes the limit, not at the end.
        CountingStream in = new CountingStream("User name,Display name\na@contoso.com,\"Ann\n", 50_000_000);

        UserImportFileException e = catchThrowableOfType(UserImportFileException.class, () -> {
            try (UserImportFile f = UserImportFile.open(in)) {
                f.rows().forEach(row -> { });
            }
        });

        assertThat(e.problem().code()).isEqualTo(Code.MALFORMED_CSV);
        assertThat(e.problem().line()).isEqualTo(2);
        assertThat(e.problem().message()).contains("longer than " + UserImportFile.MAX_RECORD_CHARS);
        assertThat(in.served).isLessThan(2L * UserImportFile.MAX_RECORD_CHARS);
        assertThat(in.closed).isTrue();
    }

    @Test
    void closesTheStreamWhenOpeningFails() {
        CountingStream in = new CountingStream("Display name\nAnn\n", 0);

        assertThatThrownBy(() -> UserImportFile.open(in)).isInstanceOf(UserImportFileException.class);
        assertThat(in.closed).isTrue();
    }

    @Test
    void readsTheRowsOnce() {
        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(utf8("User name,Display name\n")))) {
            f.rows();
            assertThatThrownBy(f::rows).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void readsAStreamThatServesOneByteAtATime() {
        byte[] file = bytes(UTF16LE_BOM, "User name\tDisplay name\r\n😀@contoso.com\tÅ😀\r\n", StandardCharsets.UTF_16LE);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < file.length ? file[i++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= file.length) {
                    return -1;
                }
                b[off] = file[i++];
                return 1;
            }
        };

        try (UserImportFile f = UserImportFile.open(trickle)) {
            assertThat(f.rows().toList()).containsExactly(row(2, null, null, "Å😀", "😀@contoso.com", null, null));
        }
    }

    @Test
    void readsOneCharacterAtATimeAcrossSurrogatePairs() throws IOException {
        for (byte[] file : List.of(bytes(UTF16LE_BOM, "a😀b\n", StandardCharsets.UTF_16LE), utf8("a😀b\n"))) {
            StringBuilder text = new StringBuilder();
            try (UserImportReader reader = new UserImportReader(new ByteArrayInputStream(file))) {
                int c;
                while ((c = reader.read()) >= 0) {
                    text.append((char) c);
                }
                assertThat(reader.line()).isEqualTo(2);
            }
            assertThat(text.toString()).isEqualTo("a😀b\n");
        }
    }

    /** A header, then {@code padding} bytes of 'x' without a line break; counts what it served. */
    static final class CountingStream extends InputStream {

        private final byte[] head;
        private final long padding;
        long served;
        boolean closed;

        CountingStream(String head, long padding) {
            this.head = utf8(head);
            this.padding = padding;
        }

        @Override
        public int read() {
            if (served >= head.length + padding) {
                return -1;
            }
            int b = served < head.length ? head[(int) served] : 'x';
            served++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = head.length + padding - served;
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            closed = true;
        }
    }
}
