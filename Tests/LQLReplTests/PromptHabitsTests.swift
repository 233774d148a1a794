import Foundation
import LQLHelp
import LQLOutput
import LQL
import LQLTestSupport
import Testing
@testable import LQLRepl

/// The prompt's pieces without a terminal: the pager command and its environment, the
/// commands lql starts, late-row cutting, booleans, `\x auto`, and the help texts' widths.
@Suite struct PromptHabitsTests {
    @Test func lessIsSecureUnlessTheUserSaysOtherwise() {
        let plain = PagerSink.command(environment: [:])
        #expect(plain.command == "less -SRXF")
        #expect(plain.environment["LESSSECURE"] == "1")
        #expect(PagerSink.command(environment: ["PAGER": "/usr/bin/less -R"]).environment["LESSSECURE"] == "1")
        #expect(PagerSink.command(environment: ["LESSSECURE": ""]).environment["LESSSECURE"] == "")
        let other = PagerSink.command(environment: ["PAGER": "more"])
        #expect(other.command == "more" && other.environment["LESSSECURE"] == nil)
        #expect(PagerSink.command(environment: ["PAGER": "less", "LQL_PAGER": "cat"]).command == "cat")
    }

    @Test func commandsAreSplitNotHandedToAShell() {
        #expect(ChildProcess.argv("less -SRXF") == ["less", "-SRXF"])
        #expect(ChildProcess.argv("sed 's/^/PAGED:/'") == ["sed", "s/^/PAGED:/"])
        #expect(ChildProcess.argv("code --wait", extra: ["/tmp/x; rm -rf ~"]) == ["code", "--wait", "/tmp/x; rm -rf ~"])
        // Shell syntax in the user's own setting goes through sh, the file still one argument.
        #expect(ChildProcess.argv("vim $OPTS", extra: ["/tmp/a b"]) == ["/bin/sh", "-c", "vim $OPTS \"$@\"", "sh", "/tmp/a b"])
    }

    func rendered(_ rows: [[String?]], columns: [OutputColumn], sizingRows: Int, format: OutputFormat = .table,
                  autoWidth: Int? = nil) throws -> String {
        let sink = MemorySink()
        let writer = PromptResultWriter(format: format, autoExpandWidth: autoWidth, sizingRows: sizingRows) {
            makeWriter($0, to: sink, options: OutputOptions(sizingRows: sizingRows))
        }
        try writer.begin(columns: columns)
        for row in rows { try writer.write(row: row) }
        try writer.end()
        return sink.text
    }

    @Test func lateWideValuesAreCutAndBooleansSayTrueOrFalse() throws {
        let columns = [OutputColumn(name: "n", typeOID: PostgresType.text), OutputColumn(name: "ok", typeOID: PostgresType.bool)]
        let text = try rendered([["ab", "t"], ["cd", "f"], ["a much wider one", "t"], ["日本語テキスト", nil]], columns: columns, sizingRows: 2)
        let lines = text.split(separator: "\n").filter { $0.contains("|") }
        #expect(Set(lines.map { DisplayWidth.of(String($0.prefix { $0 != "|" })) }).count == 1, "\(text)")
        #expect(text.contains(" a… | true"))
        #expect(text.contains(" cd | false"))
        #expect(PromptResultWriter.cut("日本語", to: 4) == "日…")
    }

    @Test func expandedAutoTurnsATooWideTableAround() throws {
        let columns = (1...6).map { OutputColumn(name: "column\($0)", typeOID: PostgresType.text) }
        let row: [String?] = (1...6).map { _ in String(repeating: "x", count: 20) }
        #expect(try rendered([row], columns: columns, sizingRows: 10, autoWidth: 80).contains("-[ RECORD 1 ]"))
        #expect(try !rendered([row], columns: columns, sizingRows: 10, autoWidth: 200).contains("RECORD"))
    }

    @Test func helpFitsEightyColumnsAndEveryTopicIsFound() {
        for topic in LanguageHelp.topics {
            for line in topic.text.split(separator: "\n") { #expect(line.count <= 78, "\(topic.name): \(line)") }
            #expect(LanguageHelp.topic(named: topic.name) == topic)
            for alias in topic.aliases { #expect(LanguageHelp.topic(named: alias) == topic) }
        }
        #expect(LanguageHelp.topic(named: "group by")?.name == "group")
        #expect(LanguageHelp.topic(named: "WHERE")?.name == "where")
        for line in LanguageHelp.index.split(separator: "\n") { #expect(line.count <= 80) }
        for topic in [nil, "where", "\\tenants", "e", "nosuchthing"] {
            for line in ReplSession.helpText(topic).split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        }
        #expect(ReplSession.helpText("grop").contains("did you mean `group`"))
        #expect(ReplSession.helpText("windows").contains("over ("))
        for info in MetaCommandInfo.all {
            let wrapped = ReplSession.wrap(info.summary, prefix: "  \\" + info.name + "  ", width: 78, indent: 8)
            for line in wrapped.split(separator: "\n") { #expect(line.count <= 78, "\(line)") }
        }
    }

    /// docs/language-help.md is LanguageHelp's Markdown: regenerate with LQL_REGENERATE_HELP=1.
    @Test func theDocsUseTheSameHelp() throws {
        let path = Repository.root.path + "/docs/language-help.md"
        if ProcessInfo.processInfo.environment["LQL_REGENERATE_HELP"] == "1" {
            try LanguageHelp.markdown.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == LanguageHelp.markdown)
    }
}

/// The help's examples are real LQL: each core topic's examples compile against the Leora
/// schema. (`take … by`, conditional aggregates and windows are checked once those land.)
@Suite struct LanguageHelpExampleTests {
    static func examples(_ topic: LanguageHelp.Topic) -> String {
        var kept: [String] = []
        for line in topic.text.split(separator: "\n").map(String.init) where line.hasPrefix("  ") {
            let body = line.drop { $0 == " " }
            let first = body.first ?? " "
            let startsQuery = first.isUppercase || body.hasPrefix("let ") || body.hasPrefix("param ")
                || body.split(separator: " ").dropFirst().first == "|"
            if startsQuery || (body.hasPrefix("|") && !kept.isEmpty) { kept.append(String(body)) }
        }
        return kept.joined(separator: "\n")
    }

    @Test(arguments: ["query", "where", "select", "sort", "paths", "let", "param"])
    func examplesCompile(topic name: String) throws {
        let catalog = try LeoraExample.catalog()
        let topic = try #require(LanguageHelp.topic(named: name))
        let text = Self.examples(topic)
        #expect(!text.isEmpty)
        let result = LQLCompiler.compile(source: SourceFile(name: name, text: text), catalog: catalog)
        #expect(!result.hasErrors, "\(name):\n\(text)\n\(result.diagnostics.map(\.message))")
    }
}
