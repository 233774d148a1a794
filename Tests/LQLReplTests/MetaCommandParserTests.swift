import Testing
@testable import LQLRepl
import LQLDiagnostics
import LQLOutput

@Suite struct MetaCommandParserTests {
    func parsed(_ line: String) -> MetaCommand? { try? MetaCommandParser.parse(line).get() }

    func failure(_ line: String) -> Diagnostic? {
        if case .failure(let d) = MetaCommandParser.parse(line) { return d }
        return nil
    }

    @Test func everyCommand() {
        #expect(parsed("\\d") == .listModels)
        #expect(parsed("\\d Order") == .describe(model: "Order"))
        #expect(parsed("\\tenant well-crafted") == .tenant("well-crafted"))
        #expect(parsed("\\tenant") == .tenant(nil))
        #expect(parsed("\\sql") == .showSQL)
        #expect(parsed("\\explain") == .explain)
        #expect(parsed("\\timing") == .timing(nil))
        #expect(parsed("\\timing on") == .timing(true))
        #expect(parsed("\\timing OFF") == .timing(false))
        #expect(parsed("\\format csv") == .format(.csv))
        #expect(parsed("\\format") == .format(nil))
        #expect(parsed("\\x") == .expanded(nil))
        #expect(parsed("\\x on") == .expanded(true))
        #expect(parsed("\\set since 2025-01-01") == .set(name: "since", value: "2025-01-01"))
        #expect(parsed("\\set $since 2025-01-01") == .set(name: "since", value: "2025-01-01"))
        #expect(parsed("\\set q bistro du coin ") == .set(name: "q", value: "bistro du coin"))
        #expect(parsed("\\set q 'a \\' quote'") == .set(name: "q", value: "a ' quote"))
        #expect(parsed("\\set") == .listParams)
        #expect(parsed("\\unset since") == .unset(name: "since"))
        #expect(parsed("\\params") == .listParams)
        #expect(parsed("\\i reports/overdue.lql") == .include(path: "reports/overdue.lql"))
        #expect(parsed("\\include 'my reports/a.lql'") == .include(path: "my reports/a.lql"))
        #expect(parsed("\\conninfo") == .connectionInfo)
        #expect(parsed("\\help") == .help(topic: nil))
        #expect(parsed("\\help group by") == .help(topic: "group by"))
        #expect(parsed("\\?") == .help(topic: nil))
        #expect(parsed("\\q") == .quit)
        #expect(parsed("  \\quit") == .quit)
    }

    @Test func unknownCommandSuggestsTheClosest() throws {
        let d = try #require(failure("\\timng on"))
        #expect(d.code == .unknownMetaCommand)
        #expect(d.message == "unknown command `\\timng`")
        #expect(d.span == Span(0, 6))
        #expect(d.hints.first == "did you mean `\\timing`?")
        #expect(d.hints.last == "`\\help` lists the commands")
        #expect(failure("\\frmat json")?.hints.first == "did you mean `\\format`?")
        #expect(failure("\\")?.message == "unknown command `\\`")
    }

    @Test func badArguments() throws {
        let format = try #require(failure("\\format jsn"))
        #expect(format.code == .invalidMetaArgument)
        #expect(format.span == Span(8, 11))
        #expect(format.hints.first == "did you mean `json`?")
        #expect(format.hints.last == "formats: table, expanded, csv, json, ndjson, markdown, html")

        let timing = try #require(failure("\\timing maybe"))
        #expect(timing.message == "`\\timing` expects `on` or `off`, not `maybe`")
        #expect(timing.span == Span(8, 13))

        let extra = try #require(failure("\\q now please"))
        #expect(extra.code == .unexpectedMetaArgument)
        #expect(extra.span == Span(3, 13))

        let two = try #require(failure("\\d Order Customer"))
        #expect(two.code == .unexpectedMetaArgument)
        #expect(two.span == Span(9, 17))

        #expect(failure("\\i")?.code == .missingMetaArgument)
        #expect(failure("\\i")?.hints == ["write `\\i FILE`"])
        #expect(failure("\\set since")?.code == .missingMetaArgument)
        #expect(failure("\\set 1x 2")?.code == .invalidMetaArgument)
        #expect(failure("\\unset")?.code == .missingMetaArgument)
        #expect(failure("\\i 'open")?.code == .unterminatedMetaQuote)
    }

    @Test func outputCommands() {
        #expect(parsed("\\show 3") == .show(row: 3))
        #expect(parsed("\\chart line x: month y: revenue") == .chart("line x: month y: revenue"))
        #expect(failure("\\show 0")?.code == .invalidMetaArgument)
        #expect(failure("\\show")?.code == .missingMetaArgument)
        #expect(failure("\\chart")?.code == .missingMetaArgument)
    }

    @Test func psqlHabitsParse() {
        #expect(parsed("\\tenants") == .tenants(pattern: nil))
        #expect(parsed("\\tenants harb") == .tenants(pattern: "harb"))
        #expect(parsed("\\o out.csv") == .output(path: "out.csv"))
        #expect(parsed("\\o") == .output(path: nil))
        #expect(parsed("\\g") == .sendTo(path: nil, format: nil))
        #expect(parsed("\\g a.txt csv") == .sendTo(path: "a.txt", format: .csv))
        #expect(parsed("\\e") == .edit(path: nil))
        #expect(parsed("\\watch") == .watch(seconds: 2))
        #expect(parsed("\\watch 0.5") == .watch(seconds: 0.5))
        #expect(failure("\\watch soon")?.code == .invalidMetaArgument)
        #expect(parsed("\\x auto") == .expandedAuto)
        #expect(parsed("\\explain analyze") == .explainAnalyze)
        #expect(failure("\\explain verbose")?.code == .invalidMetaArgument)
        #expect(parsed("\\timeout 30") == .timeout(seconds: 30))
        #expect(parsed("\\timeout off") == .timeout(seconds: 0))
        #expect(parsed("\\timeout") == .timeout(seconds: nil))
        #expect(failure("\\timeout -1")?.code == .invalidMetaArgument)
        #expect(parsed("\\null (null)") == .null(text: "(null)"))
        #expect(parsed("\\null") == .null(text: nil))
    }

    @Test func everyListedCommandParses() {
        let examples: [String: String] = ["d": "", "tenant": " acme", "sql": "", "explain": "", "timing": " on", "format": " json",
                                          "x": "", "set": " a 1", "unset": " a", "params": "", "i": " f.lql", "conninfo": "",
                                          "help": "", "q": "", "tenants": "", "o": " out.txt", "g": " f.csv csv", "e": "",
                                          "watch": " 2", "timeout": " 30", "null": " ∅", "show": " 1", "chart": " bar x: month"]
        for spelling in MetaCommandInfo.allSpellings {
            let name = MetaCommandInfo.all.first { $0.name == spelling || $0.aliases.contains(spelling) }!.name
            #expect(parsed("\\" + spelling + examples[name]!) != nil, "\\\(spelling)")
        }
    }
}
