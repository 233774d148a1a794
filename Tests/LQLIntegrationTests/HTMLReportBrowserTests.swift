import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// `lql run … --format html -o FILE` opened in a real headless Chromium (Debian's `chromium`,
/// scripts/install-deps.sh): what a person would see — the title, one SVG bar or point per
/// row, the row counts, escaped values — and no console errors. A screenshot is written to
/// .build/test-artifacts/html-report.png for review.
@Suite(.serialized) struct HTMLReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func report(_ args: [String]) throws -> String {
        let db = try LeoraCluster.shared()
        let path = NSTemporaryDirectory() + "lql-report-\(getpid())-\(UUID().uuidString).html"
        let r = try runLQL(args + ["--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted", "--format", "html", "-o", path],
                           environment: ["DATABASE_URL": db.readerURL])
        #expect(r.status == 0, "\(r.err)")
        return path
    }

    /// Chromium's DOM after loading the page, and what it logged.
    func browse(_ path: String, screenshot: String? = nil) throws -> (dom: String, log: String) {
        let browser = try #require(Self.chromium, "chromium is not installed (scripts/install-deps.sh)")
        let profile = NSTemporaryDirectory() + "lql-chromium-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"]
        let r = try runProcess(browser, common + ["--dump-dom", "file://" + path])
        #expect(r.status == 0, "\(r.err)")
        if let screenshot {
            let s = try runProcess(browser, common + ["--screenshot=" + screenshot, "--window-size=1200,1800", "--hide-scrollbars", "file://" + path])
            #expect(s.status == 0, "\(s.err)")
        }
        return (r.out, r.err)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The console lines Chromium logs for page errors (`CONSOLE`, uncaught exceptions, failed loads).
    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter {
            $0.contains(":CONSOLE") || $0.contains("Uncaught") || $0.contains("Failed to load resource") || $0.contains("Refused to")
        }
    }

    @Test func revenueTrendReportReadsInTheBrowser() throws {
        let path = try report(["run", "examples/reports/revenue-trend.lql", "examples/reports/revenue-by-tier.lql"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let artifacts = Repository.path(".build/test-artifacts")
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let png = artifacts + "/html-report.png"
        try? FileManager.default.removeItem(atPath: png)
        let (dom, log) = try browse(path, screenshot: png)
        #expect(Self.consoleErrors(log).isEmpty, "\(Self.consoleErrors(log))")
        #expect(dom.contains("<title>Revenue trend: monthly revenue of confirmed and fulfilled orders, as a line chart.</title>"))
        #expect(dom.contains("<h2>Revenue by month</h2>") && dom.contains("<h2>Revenue by customer tier</h2>"))
        #expect(dom.contains("<dd class=\"tenant\">well-crafted</dd>"))
        #expect(dom.contains("<dt>$since</dt>"))

        // The same numbers lql prints as CSV: one point per month, one bar per tier.
        let db = try LeoraCluster.shared()
        let csv = try runLQL(["run", "examples/reports/revenue-trend.lql", "examples/reports/revenue-by-tier.lql", "--schema", "examples/leora/schema.prisma",
                              "--tenant", "well-crafted", "--format", "csv"], environment: ["DATABASE_URL": db.readerURL])
        let months = csv.out.split(separator: "\n").filter { $0.hasPrefix("20") }.count
        let sections = dom.components(separatedBy: "<section class=\"statement\">").dropFirst()
        #expect(sections.count == 2)
        let line = try #require(sections.first), bars = try #require(sections.last)
        #expect(months > 0 && Self.count("<circle class=\"point", in: line) == months, "\(months) months")
        #expect(line.contains("data-rows=\"\(months)\""))
        #expect(Self.count("<rect class=\"bar", in: bars) == 3)
        #expect(bars.contains("data-rows=\"3\">(3 rows)</p>"))
        // A PNG was written (8-byte signature).
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.count > 10_000 && data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func hostileParameterTextStaysText() throws {
        let hostile = "<script>document.title='owned'</script><img src=x onerror=alert(1)>"
        let path = try report(["run", "examples/reports/customer-search.lql", "--param", "q=" + hostile])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (dom, log) = try browse(path)
        #expect(Self.consoleErrors(log).isEmpty, "\(Self.consoleErrors(log))")
        #expect(!dom.contains("<script"))
        #expect(!dom.contains("<img"))
        #expect(dom.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"))
        #expect(dom.contains("<title>Find a customer by part of its name, its account number or its e-mail, with activity counts</title>"))
        #expect(dom.contains("(0 rows)"))
    }

    @Test func aTableStopsAt500RowsAndSaysHowManyThereWere() throws {
        let path = try report(["run", "-e", "OrderLine | select id, quantity"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (dom, _) = try browse(path)
        let db = try LeoraCluster.shared()
        let total = try db.scalar("SELECT count(*) FROM order_lines WHERE tenant_id = $1", [try db.tenantID("well-crafted")])
        #expect(Int(total)! > 500)
        #expect(Self.count("<tr>", in: dom) == 501)  // the header row and 500 rows
        #expect(dom.contains("(\(total) rows, the first 500 shown)"))
    }
}
