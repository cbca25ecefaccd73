package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.parser.KqlParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: a Sigma detection (on Windows process creation unless stated) → the exact KQL printed. */
class SigmaCompilerTest {
    private static final String PROCESS = "product: windows\n  category: process_creation";
    private static final String NETWORK = "product: windows\n  category: network_connection";
    private static final String DPORT = "iff(ActionType == \"InboundConnectionAccepted\", LocalPort, RemotePort)";
    private static final String DIP = "iff(ActionType == \"InboundConnectionAccepted\", LocalIP, RemoteIP)";

    static String rule(String logsource, String detection) {
        return "title: Test rule\nid: 00000000-0000-4000-8000-000000000001\nlogsource:\n  " + logsource
                + "\ndetection:\n" + detection.stripTrailing().indent(2);
    }

    static SigmaConversion convert(String logsource, String detection) {
        return new SigmaCompiler().compile(rule(logsource, detection), "test.yml");
    }

    static Stream<Arguments> processCases() {
        return Stream.of(
                Arguments.of("plain value is a case-insensitive equality",
                        "sel:\n  Image: 'C:\\Windows\\System32\\cmd.exe'\ncondition: sel",
                        "FolderPath =~ @\"C:\\Windows\\System32\\cmd.exe\""),
                Arguments.of("value list becomes in~",
                        "sel:\n  OriginalFileName:\n    - cmd.exe\n    - pwsh.dll\ncondition: sel",
                        "ProcessVersionInfoOriginalFileName in~ (\"cmd.exe\", \"pwsh.dll\")"),
                Arguments.of("contains",
                        "sel:\n  CommandLine|contains: ' -enc '\ncondition: sel",
                        "ProcessCommandLine contains \" -enc \""),
                Arguments.of("startswith",
                        "sel:\n  CommandLine|startswith: 'cmd /c'\ncondition: sel",
                        "ProcessCommandLine startswith \"cmd /c\""),
                Arguments.of("endswith on a path",
                        "sel:\n  Image|endswith: '\\ftp.exe'\ncondition: sel",
                        "FolderPath endswith @\"\\ftp.exe\""),
                Arguments.of("contains|all is and",
                        "sel:\n  CommandLine|contains|all:\n    - 'a'\n    - 'b'\ncondition: sel",
                        "ProcessCommandLine contains \"a\"\n| where ProcessCommandLine contains \"b\""),
                Arguments.of("contains list is or",
                        "sel:\n  CommandLine|contains:\n    - 'a'\n    - 'b'\ncondition: sel",
                        "ProcessCommandLine contains \"a\" or ProcessCommandLine contains \"b\""),
                Arguments.of("cased equality",
                        "sel:\n  CommandLine|cased: 'Abc'\ncondition: sel",
                        "ProcessCommandLine == \"Abc\""),
                Arguments.of("cased contains",
                        "sel:\n  CommandLine|contains|cased: 'Abc'\ncondition: sel",
                        "ProcessCommandLine contains_cs \"Abc\""),
                Arguments.of("cased endswith",
                        "sel:\n  Image|endswith|cased: 'X.exe'\ncondition: sel",
                        "FolderPath endswith_cs \"X.exe\""),
                Arguments.of("cased list is in",
                        "sel:\n  CommandLine|cased:\n    - A\n    - B\ncondition: sel",
                        "ProcessCommandLine in (\"A\", \"B\")"),
                Arguments.of("leading and trailing wildcards are contains",
                        "sel:\n  CommandLine: '*foo*'\ncondition: sel",
                        "ProcessCommandLine contains \"foo\""),
                Arguments.of("trailing wildcard is startswith",
                        "sel:\n  CommandLine: 'foo*'\ncondition: sel",
                        "ProcessCommandLine startswith \"foo\""),
                Arguments.of("inner wildcard is an anchored regex",
                        "sel:\n  CommandLine: 'a*b.c'\ncondition: sel",
                        "ProcessCommandLine matches regex @\"(?is)^a.*b\\.c$\""),
                Arguments.of("question mark is one character",
                        "sel:\n  Image|endswith: '\\cmd?.exe'\ncondition: sel",
                        "FolderPath matches regex @\"(?is)\\\\cmd.\\.exe$\""),
                Arguments.of("escaped star is a literal",
                        "sel:\n  CommandLine: 'a\\*b'\ncondition: sel",
                        "ProcessCommandLine =~ \"a*b\""),
                Arguments.of("escaped backslash before a wildcard",
                        "sel:\n  Image: 'C:\\\\*\\cmd.exe'\ncondition: sel",
                        "FolderPath matches regex @\"(?is)^C:\\\\.*\\\\cmd\\.exe$\""),
                Arguments.of("lone star means any value",
                        "sel:\n  CommandLine: '*'\ncondition: sel",
                        "isnotempty(ProcessCommandLine)"),
                Arguments.of("empty string",
                        "sel:\n  CommandLine: ''\ncondition: sel",
                        "isempty(ProcessCommandLine)"),
                Arguments.of("null",
                        "sel:\n  CommandLine: null\ncondition: sel",
                        "isempty(ProcessCommandLine)"),
                Arguments.of("exists true",
                        "sel:\n  OriginalFileName|exists: true\ncondition: sel",
                        "isnotempty(ProcessVersionInfoOriginalFileName)"),
                Arguments.of("exists false",
                        "sel:\n  OriginalFileName|exists: false\ncondition: sel",
                        "isempty(ProcessVersionInfoOriginalFileName)"),
                Arguments.of("regex is case-sensitive",
                        "sel:\n  CommandLine|re: '\\s-[eE]nc\\s'\ncondition: sel",
                        "ProcessCommandLine matches regex @\"\\s-[eE]nc\\s\""),
                Arguments.of("regex flags i, m, s",
                        "sel:\n  CommandLine|re|i|m|s: '^a.b$'\ncondition: sel",
                        "ProcessCommandLine matches regex \"(?ims)^a.b$\""),
                Arguments.of("base64",
                        "sel:\n  CommandLine|base64|contains: 'test'\ncondition: sel",
                        "ProcessCommandLine contains \"dGVzdA==\""),
                Arguments.of("base64offset gives three variants",
                        "sel:\n  CommandLine|base64offset|contains: 'test'\ncondition: sel",
                        "ProcessCommandLine contains \"dGVzd\" or ProcessCommandLine contains \"Rlc3\""
                                + " or ProcessCommandLine contains \"0ZXN0\""),
                Arguments.of("utf16le then base64offset",
                        "sel:\n  CommandLine|utf16le|base64offset|contains: 'test'\ncondition: sel",
                        "ProcessCommandLine contains \"dABlAHMAdA\" or ProcessCommandLine contains \"QAZQBzAHQA\""
                                + " or ProcessCommandLine contains \"0AGUAcwB0A\""),
                Arguments.of("wide is utf16le",
                        "sel:\n  CommandLine|wide|base64|contains: 'test'\ncondition: sel",
                        "ProcessCommandLine contains \"dABlAHMAdAA=\""),
                Arguments.of("utf16 has a byte-order mark",
                        "sel:\n  CommandLine|utf16|base64|contains: 'ab'\ncondition: sel",
                        "ProcessCommandLine contains \"//5hAGIA\""),
                Arguments.of("utf16be",
                        "sel:\n  CommandLine|utf16be|base64|contains: 'ab'\ncondition: sel",
                        "ProcessCommandLine contains \"AGEAYg==\""),
                Arguments.of("windash gives five dashes",
                        "sel:\n  CommandLine|windash|contains: ' -exec'\ncondition: sel",
                        "ProcessCommandLine contains \" -exec\" or ProcessCommandLine contains \" /exec\""
                                + " or ProcessCommandLine contains \" \u2013exec\" or ProcessCommandLine contains \" \u2014exec\""
                                + " or ProcessCommandLine contains \" \u2015exec\""),
                Arguments.of("fieldref compares two columns",
                        "sel:\n  ParentImage|fieldref: Image\ncondition: sel",
                        "InitiatingProcessFolderPath =~ FolderPath"),
                Arguments.of("neq",
                        "sel:\n  IntegrityLevel|neq: System\ncondition: sel",
                        "not(ProcessIntegrityLevel =~ \"System\")"),
                Arguments.of("hex value on a number column",
                        "sel:\n  LogonId: '0x3e7'\ncondition: sel",
                        "LogonId == 999"),
                Arguments.of("number on a text column compares as text",
                        "sel:\n  CommandLine: 5\ncondition: sel",
                        "ProcessCommandLine =~ \"5\""),
                Arguments.of("User is rebuilt as DOMAIN\\name",
                        "sel:\n  User|contains: 'AUTHORI'\ncondition: sel",
                        "iff(isempty(AccountDomain), AccountName, strcat(AccountDomain, @\"\\\", AccountName)) contains \"AUTHORI\""),
                Arguments.of("Hashes MD5 value",
                        "sel:\n  Hashes|contains: 'MD5=ABC'\ncondition: sel",
                        "strcat(\"SHA1=\", SHA1, \",MD5=\", MD5, \",SHA256=\", SHA256) contains \"MD5=ABC\""),
                Arguments.of("list of maps is or",
                        "sel:\n  - Image|endswith: '\\a.exe'\n  - CommandLine|contains: 'b'\ncondition: sel",
                        "FolderPath endswith @\"\\a.exe\" or ProcessCommandLine contains \"b\""),
                Arguments.of("map entries are and",
                        "sel:\n  Image|endswith: '\\a.exe'\n  CommandLine|contains: 'b'\ncondition: sel",
                        "FolderPath endswith @\"\\a.exe\"\n| where ProcessCommandLine contains \"b\""),
                Arguments.of("keywords search the keyword columns",
                        "keywords:\n  - 'evil'\ncondition: keywords",
                        "ProcessCommandLine contains \"evil\" or FolderPath contains \"evil\""),
                Arguments.of("keywords with |all",
                        "keywords:\n  '|all':\n    - 'a'\n    - 'b'\ncondition: keywords",
                        "ProcessCommandLine contains \"a\" or FolderPath contains \"a\"\n"
                                + "| where ProcessCommandLine contains \"b\" or FolderPath contains \"b\""),
                Arguments.of("and, or, not and parentheses",
                        "a:\n  CommandLine: a\nb:\n  CommandLine: b\nc:\n  CommandLine: c\ncondition: a and not (b or c)",
                        "ProcessCommandLine =~ \"a\"\n| where not(ProcessCommandLine =~ \"b\" or ProcessCommandLine =~ \"c\")"),
                Arguments.of("or binds looser than and",
                        "a:\n  CommandLine: a\nb:\n  CommandLine: b\nc:\n  CommandLine: c\ncondition: a or b and c",
                        "ProcessCommandLine =~ \"a\" or (ProcessCommandLine =~ \"b\" and ProcessCommandLine =~ \"c\")"),
                Arguments.of("1 of pattern",
                        "sel_a:\n  CommandLine: a\nsel_b:\n  CommandLine: b\nfilter:\n  CommandLine: c\ncondition: 1 of sel_* and not filter",
                        "ProcessCommandLine =~ \"a\" or ProcessCommandLine =~ \"b\"\n| where not(ProcessCommandLine =~ \"c\")"),
                Arguments.of("all of pattern",
                        "sel_a:\n  CommandLine|contains: a\nsel_b:\n  CommandLine|contains: b\ncondition: all of sel_*",
                        "ProcessCommandLine contains \"a\"\n| where ProcessCommandLine contains \"b\""),
                Arguments.of("1 of them skips identifiers starting with _",
                        "a:\n  CommandLine: a\n_b:\n  CommandLine: b\ncondition: 1 of them",
                        "ProcessCommandLine =~ \"a\""),
                Arguments.of("all of them",
                        "a:\n  CommandLine|contains: a\nb:\n  CommandLine|contains: b\ncondition: all of them",
                        "ProcessCommandLine contains \"a\"\n| where ProcessCommandLine contains \"b\""),
                Arguments.of("a list of conditions is or",
                        "a:\n  CommandLine: a\nb:\n  CommandLine: b\ncondition:\n  - a\n  - b",
                        "ProcessCommandLine =~ \"a\" or ProcessCommandLine =~ \"b\""),
                Arguments.of("quotes in values",
                        "sel:\n  CommandLine|contains: 'say \"hi\"'\ncondition: sel",
                        "ProcessCommandLine contains \"say \\\"hi\\\"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processCases")
    void compilesProcessCreation(String name, String detection, String expectedWhere) {
        SigmaConversion conversion = convert(PROCESS, detection);
        assertThat(conversion.reason()).isNull();
        assertThat(conversion.status()).isEqualTo(Status.OK);
        assertThat(conversion.table()).isEqualTo("DeviceProcessEvents");
        assertThat(conversion.kql()).isEqualTo("DeviceProcessEvents\n| where " + expectedWhere);
        assertThat(KqlParser.parse(conversion.kql()).errors()).isEmpty();
    }

    static Stream<Arguments> networkCases() {
        return Stream.of(
                Arguments.of("number on a number column",
                        "sel:\n  DestinationPort: 445\ncondition: sel", DPORT + " == 445"),
                Arguments.of("number list is in",
                        "sel:\n  DestinationPort:\n    - 21\n    - 25\ncondition: sel", DPORT + " in (21, 25)"),
                Arguments.of("quoted number on a number column",
                        "sel:\n  DestinationPort: '445'\ncondition: sel", DPORT + " == 445"),
                Arguments.of("gt", "sel:\n  DestinationPort|gt: 1024\ncondition: sel", DPORT + " > 1024"),
                Arguments.of("gte", "sel:\n  DestinationPort|gte: 1024\ncondition: sel", DPORT + " >= 1024"),
                Arguments.of("lt", "sel:\n  DestinationPort|lt: 1024\ncondition: sel", DPORT + " < 1024"),
                Arguments.of("lte", "sel:\n  DestinationPort|lte: 1024\ncondition: sel", DPORT + " <= 1024"),
                Arguments.of("wildcard on a number column compares text",
                        "sel:\n  DestinationPort: '44*'\ncondition: sel", "tostring(" + DPORT + ") startswith \"44\""),
                Arguments.of("cidr IPv4",
                        "sel:\n  DestinationIp|cidr: '10.0.0.0/8'\ncondition: sel",
                        "ipv4_is_in_range(" + DIP + ", \"10.0.0.0/8\")"),
                Arguments.of("cidr IPv6",
                        "sel:\n  DestinationIp|cidr: 'fe80::/10'\ncondition: sel",
                        "ipv6_is_match(" + DIP + ", \"fe80::/10\")"),
                Arguments.of("Initiated",
                        "sel:\n  Initiated: 'true'\ncondition: sel",
                        "iff(ActionType == \"InboundConnectionAccepted\", \"false\", \"true\") =~ \"true\""),
                Arguments.of("Image is the acting process",
                        "sel:\n  Image|endswith: '\\curl.exe'\ncondition: sel",
                        "InitiatingProcessFolderPath endswith @\"\\curl.exe\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkCases")
    void compilesNetworkConnection(String name, String detection, String expectedWhere) {
        SigmaConversion conversion = convert(NETWORK, detection);
        assertThat(conversion.reason()).isNull();
        assertThat(conversion.kql()).isEqualTo("DeviceNetworkEvents\n| where " + expectedWhere);
        assertThat(KqlParser.parse(conversion.kql()).errors()).isEmpty();
    }

    static Stream<Arguments> otherSources() {
        return Stream.of(
                Arguments.of("product: windows\n  category: dns_query",
                        "sel:\n  QueryName|endswith: '.onion'\ncondition: sel",
                        "DeviceEvents\n| where ActionType == \"DnsQueryResponse\"\n"
                                + "| where tostring(parse_json(AdditionalFields).DnsQueryString) endswith \".onion\""),
                Arguments.of("product: windows\n  category: ps_script",
                        "sel:\n  ScriptBlockText|contains: 'Invoke-Mimikatz'\ncondition: sel",
                        "DeviceEvents\n| where ActionType == \"PowerShellCommand\"\n"
                                + "| where tostring(parse_json(AdditionalFields).Command) contains \"Invoke-Mimikatz\""),
                Arguments.of("product: windows\n  category: file_event",
                        "sel:\n  TargetFilename|endswith: '.zip'\ncondition: sel",
                        "DeviceFileEvents\n| where ActionType != \"FileDeleted\"\n| where FolderPath endswith \".zip\""),
                Arguments.of("product: linux\n  category: process_creation",
                        "sel:\n  Image|endswith: '/curl'\ncondition: sel",
                        "DeviceProcessEvents\n| where FolderPath endswith \"/curl\""),
                Arguments.of("product: linux\n  service: auditd",
                        "sel:\n  type: EXECVE\n  a0: getcap\nsys:\n  type: SYSCALL\n  SYSCALL: execve\ncondition: sel and sys",
                        """
                        AuditdEvent
                        | where strcat_array(EventData.record_types, "\\n") matches regex "(?im)^EXECVE$"
                        | where iff(array_length(EventData.argv) > 0, tostring(EventData.argv[0]), tostring(EventData.a0)) =~ "getcap"
                        | where strcat_array(EventData.record_types, "\\n") matches regex "(?im)^SYSCALL$"
                        | where coalesce(Syscall, tostring(EventData.syscall)) =~ "execve\""""),
                Arguments.of("product: linux\n  service: auditd",
                        "sel:\n  type: PATH\n  name|endswith: '/ld.so.preload'\ncondition: sel",
                        """
                        AuditdEvent
                        | where strcat_array(EventData.record_types, "\\n") matches regex "(?im)^PATH$"
                        | where strcat_array(EventData.paths, "\\n") matches regex @"(?im)^[^\\n]*/ld\\.so\\.preload$\""""),
                Arguments.of("product: windows\n  category: registry_set",
                        "sel:\n  TargetObject|endswith: '\\\\Run\\\\evil'\n  Details: 'DWORD (0x00000001)'\ncondition: sel",
                        """
                        SysmonEvent
                        | where EventID == 13
                        | where tostring(EventData["TargetObject"]) endswith @"\\Run\\evil"
                        | where tostring(EventData["Details"]) =~ "DWORD (0x00000001)\""""),
                Arguments.of("product: windows\n  service: security",
                        "sel:\n  EventID: 4701\n  LogonType: 3\ncondition: sel",
                        """
                        WindowsEvent
                        | where Channel =~ "Security"
                        | where EventID == 4701
                        | where tostring(EventData["LogonType"]) =~ "3\""""),
                Arguments.of("product: windows\n  category: ps_module",
                        "sel:\n  Payload|contains: 'Invoke-Mimikatz'\ncondition: sel",
                        """
                        WindowsEvent
                        | where Channel in~ ("Microsoft-Windows-PowerShell/Operational", "PowerShellCore/Operational") and EventID == 4103
                        | where tostring(EventData["Payload"]) contains "Invoke-Mimikatz\""""),
                Arguments.of("category: process_creation",
                        "sel:\n  CommandLine|contains: 'ftp://'\ncondition: sel",
                        "DeviceProcessEvents\n| where ProcessCommandLine contains \"ftp://\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherSources")
    void compilesOtherLogSources(String logsource, String detection, String expected) {
        SigmaConversion conversion = convert(logsource, detection);
        assertThat(conversion.reason()).isNull();
        assertThat(conversion.kql()).isEqualTo(expected);
        assertThat(KqlParser.parse(conversion.kql()).errors()).isEmpty();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(PROCESS, "sel:\n  LogonGuid|contains: 'x'\ncondition: sel", Status.UNSATISFIABLE,
                        "no source provides field `LogonGuid` in DeviceProcessEvents"),
                Arguments.of(PROCESS, "sel:\n  Hashes|contains: 'IMPHASH=ABC'\ncondition: sel", Status.UNSATISFIABLE,
                        "the condition can never be true on DeviceProcessEvents: `Hashes|contains: IMPHASH=ABC`"),
                Arguments.of("product: linux\n  service: auditd", "sel:\n  type: PATH\n  nametype: CREATE\ncondition: sel",
                        Status.UNSATISFIABLE, "no source provides field `nametype` in AuditdEvent"),
                Arguments.of("product: windows\n  category: registry_set", "sel:\n  CommandLine: x\ncondition: sel",
                        Status.UNSATISFIABLE, "no source provides field `CommandLine` in SysmonEvent"),
                Arguments.of("product: zeek\n  service: dns", "sel:\n  query: x\ncondition: sel", Status.UNSUPPORTED,
                        "no table for log source product: zeek, service: dns: no Egress reader produces it"),
                Arguments.of(PROCESS, "sel:\n  CommandLine|re: '(?<=a)b'\ncondition: sel", Status.UNSUPPORTED,
                        "is not RE2 syntax"),
                Arguments.of(PROCESS, "sel:\n  CommandLine|re: '(a)\\1'\ncondition: sel", Status.UNSUPPORTED,
                        "is not RE2 syntax"),
                Arguments.of(PROCESS, "sel:\n  CommandLine|expand: '%Admins%'\ncondition: sel", Status.UNSUPPORTED,
                        "expand modifier"),
                Arguments.of(PROCESS, "sel:\n  CommandLine|utf16le: 'x'\ncondition: sel", Status.UNSUPPORTED,
                        "utf16le without base64"),
                Arguments.of(PROCESS, "sel:\n  CommandLine: x\ncondition: sel | count() > 5", Status.UNSUPPORTED,
                        "aggregation"),
                Arguments.of(PROCESS, "sel:\n  CommandLine|bogus: x\ncondition: sel", Status.INVALID,
                        "unknown modifier `bogus`"),
                Arguments.of(PROCESS, "sel:\n  CommandLine: x", Status.INVALID, "no `condition`"),
                Arguments.of(PROCESS, "sel:\n  CommandLine: x\ncondition: sel and other", Status.INVALID,
                        "`other`, which is not a search identifier"),
                Arguments.of(PROCESS, "sel:\n  CommandLine: x\ncondition: sel and (sel", Status.INVALID, "missing `)`"),
                Arguments.of(PROCESS, "sel:\n  CommandLine: x\ncondition: 1 of foo*", Status.INVALID,
                        "matches no search identifier"),
                Arguments.of(PROCESS, "sel:\n  CommandLine|contains|all: x\ncondition: sel", Status.INVALID,
                        "needs a list of values"),
                Arguments.of(PROCESS, "sel:\n  DestinationIp|cidr: '10.0.0.0/8'\ncondition: sel", Status.UNSATISFIABLE,
                        "`DestinationIp`"),
                Arguments.of(NETWORK, "sel:\n  DestinationIp|cidr: 'nonsense'\ncondition: sel", Status.INVALID,
                        "is not a CIDR range"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("problems")
    void reportsProblemsAsValues(String logsource, String detection, Status status, String reasonPart) {
        SigmaConversion conversion = convert(logsource, detection);
        assertThat(conversion.status()).isEqualTo(status);
        assertThat(conversion.reason()).contains(reasonPart);
        assertThat(conversion.kql()).isNull();
    }
}
