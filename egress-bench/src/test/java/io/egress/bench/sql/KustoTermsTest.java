package io.egress.bench.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SQL emulation of Kusto's {@code has}, run by an in-process DuckDB, on boundary cases. */
class KustoTermsTest {
    private static Connection duck;
    /** jqwik runs properties outside JUnit's lifecycle, so they get their own connection. */
    private static Connection propertyDuck;

    @net.jqwik.api.lifecycle.BeforeContainer
    static void openForProperties() throws SQLException {
        propertyDuck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @net.jqwik.api.lifecycle.AfterContainer
    static void closeForProperties() throws SQLException {
        propertyDuck.close();
    }

    @BeforeAll
    static void open() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void close() throws SQLException {
        duck.close();
    }

    @ParameterizedTest(name = "[{0}] has [{1}] = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "C:\\Windows\\System32\\curl.exe -s | curl.exe            | true",
        "mycurl.exe                         | curl.exe            | false",
        "CURL.EXE                           | curl.exe            | true",
        "curl.exe.bak                       | curl.exe            | true",
        "curl.exe2                          | curl.exe            | false",
        "curl.exe --databases all           | --data              | false",
        "curl.exe --data-urlencode q=1      | --data              | true",
        "curl.exe --data                    | --data              | true",
        "x-SmtpServer mail.contoso.com      | smtp                | false",
        "smtp.gmail.com                     | smtp                | true",
        "curl -T a sftp://host/             | ftp://              | false",
        "curl -T a ftp://host/              | ftp://              | true",
        "url=ftp://host/                    | ftp://              | true",
        "`curl -t file `                    | `-T `               | true",
        "curl -Tfile                        | `-T `               | false",
        "blat a -Tobias                     | `-to `              | false",
        "`blat a -To b `                    | `-to `              | true",
        "/opt/dnscat2/client/dnscat2        | dnscat              | false",
        "./dnscat --dns x                   | dnscat              | true",
        "`nslookup  host`                   | `nslookup `         | true",
        "`mynslookup host`                  | `nslookup `         | false",
        "a (x) b                            | (x)                 | true",
        "a+b c                              | a+b                 | true",
        "aa+b c                             | a+b                 | false",
        "a.b                                | .                   | true",
        "`--header \"multipart/form-data\"` | multipart/form-data | true",
        "Send-MailMessage -To x             | Send-MailMessage    | true",
        "XSend-MailMessage                  | Send-MailMessage    | false",
        "résumé ésmtp                       | smtp                | true",
        "''                                 | smtp                | false",
    })
    void hasMatchesAtTermBoundaries(String text, String needle, boolean expected) throws SQLException {
        String value = text.equals("''") ? "" : text;
        assertThat(sqlHas(value, List.of(needle))).isEqualTo(expected);
        assertThat(referenceHas(value, needle)).as("reference").isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "swaks --to a@b.c --server mx | true",
        "grep smtp main.cf            | true",
        "python3 -m smtpd             | false",
    })
    void hasAnyMatchesWhenOneNeedleDoes(String text, boolean expected) throws SQLException {
        assertThat(sqlHas(text, List.of("smtp", "sendmail", "blat", "swaks", "Send-MailMessage"))).isEqualTo(expected);
    }

    @Property(tries = 300)
    void sqlAgreesWithAReferenceScan(@ForAll @StringLength(max = 12) @Chars({'a', 'B', '1', '-', ' ', '.', '/'}) String text,
                                     @ForAll @StringLength(min = 1, max = 3) @Chars({'a', 'b', '-', ' ', '.'}) String needle)
            throws SQLException {
        assertThat(sqlHas(propertyDuck, text, List.of(needle))).isEqualTo(referenceHas(text, needle));
    }

    private static boolean sqlHas(String text, List<String> needles) throws SQLException {
        return sqlHas(duck, text, needles);
    }

    private static boolean sqlHas(Connection connection, String text, List<String> needles) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + KustoTerms.hasAny("lower(?)", needles))) {
            statement.setString(1, text);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every occurrence of the needle, accepted when each alphanumeric edge sits on a term boundary. */
    private static boolean referenceHas(String text, String needle) {
        String t = text.toLowerCase(Locale.ROOT);
        String n = needle.toLowerCase(Locale.ROOT);
        for (int at = t.indexOf(n); at >= 0; at = t.indexOf(n, at + 1)) {
            boolean left = !KustoTerms.isTermChar(n.charAt(0)) || at == 0 || !KustoTerms.isTermChar(t.charAt(at - 1));
            int end = at + n.length();
            boolean right = !KustoTerms.isTermChar(n.charAt(n.length() - 1)) || end == t.length() || !KustoTerms.isTermChar(t.charAt(end));
            if (left && right) {
                return true;
            }
        }
        return false;
    }
}
