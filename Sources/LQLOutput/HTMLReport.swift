#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQL

/// `--format html`: one self-contained page for people who never open a terminal. The
/// report's title, tenant, parameters, when it ran and how long it took; then per statement
/// its title, its chart (SVG) and its table (the first `rowLimit` rows, with the row count).
/// Inline CSS only, no scripts, no external assets; every value is escaped (HTMLText).
/// Sections are kept in memory (at most `rowLimit` rows each) and the page is written at the
/// end, when the run's duration is known.
public final class HTMLReport {
    public static let rowLimit = 500

    public struct Header: Sendable {
        public var title: String
        public var tenant: String
        public var parameters: [(name: String, value: String)]
        /// Unix seconds.
        public var startedAt: Double
        public var durationMs: Double
        public init(title: String, tenant: String, parameters: [(name: String, value: String)], startedAt: Double, durationMs: Double) {
            self.title = title
            self.tenant = tenant
            self.parameters = parameters
            self.startedAt = startedAt
            self.durationMs = durationMs
        }
    }

    final class Section {
        let title: String
        let chart: ChartSpec?
        var columns: [OutputColumn] = []
        var rows: [[String?]] = []
        var chartRows: [[String?]] = []
        var rowCount = 0
        init(title: String, chart: ChartSpec?) {
            self.title = title
            self.chart = chart
        }
    }

    private var sections: [Section] = []

    public init() {}

    /// A writer that fills the next section.
    public func writer(title: String, chart: ChartSpec?) -> ResultWriter {
        let section = Section(title: title, chart: chart)
        sections.append(section)
        return SectionWriter(section: section)
    }

    public func render(_ header: Header) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(HTMLText.escaped(header.title))</title><style>\(Self.styleSheet)</style></head><body>\n"
        out += "<header><h1>\(HTMLText.escaped(header.title))</h1><dl class=\"facts\">"
        out += "<dt>Tenant</dt><dd class=\"tenant\">\(HTMLText.escaped(header.tenant))</dd>"
        for p in header.parameters {
            out += "<dt>$\(HTMLText.escaped(p.name))</dt><dd class=\"param\">\(HTMLText.escaped(p.value))</dd>"
        }
        out += "<dt>Ran</dt><dd class=\"ran\">\(HTMLText.escaped(Self.utcTimestamp(header.startedAt)))</dd>"
        out += "<dt>Took</dt><dd class=\"took\">\(HTMLText.escaped(Self.duration(header.durationMs)))</dd></dl></header>\n"
        for section in sections { out += render(section) }
        out += "<footer>Made by lql.</footer>\n</body></html>\n"
        return out
    }

    private func render(_ section: Section) -> String {
        var out = "<section class=\"statement\"><h2>\(HTMLText.escaped(section.title))</h2>\n"
        if let spec = section.chart, let data = ChartData(spec: spec, columns: section.columns, rows: section.chartRows) {
            out += "<figure>" + SVGChart.render(data) + "</figure>\n"
        }
        out += "<table><thead><tr>"
        for c in section.columns {
            out += "<th\(c.isNumeric ? " class=\"num\"" : "")>\(HTMLText.escaped(c.name))</th>"
        }
        out += "</tr></thead><tbody>\n"
        for row in section.rows {
            out += "<tr>"
            for (i, value) in row.enumerated() {
                let column = i < section.columns.count ? section.columns[i] : OutputColumn(name: "", typeOID: PostgresType.text)
                guard let value else { out += "<td class=\"null\"></td>"; continue }
                out += "<td\(column.isNumeric ? " class=\"num\"" : "")>\(HTMLText.escaped(column.display(value)))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n"
        let count = section.rowCount == 1 ? "1 row" : "\(section.rowCount) rows"
        let shown = section.rowCount > section.rows.count ? ", the first \(section.rows.count) shown" : ""
        out += "<p class=\"rows\" data-rows=\"\(section.rowCount)\">(\(count)\(shown))</p></section>\n"
        return out
    }

    static let styleSheet = """
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;margin:2rem auto;max-width:60rem;padding:0 1rem}\
        h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}\
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0;color:#444}dt{font-weight:600}dd{margin:0}\
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{padding:.2rem .5rem;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}\
        th{background:#f5f5f7;font-weight:600}.num{text-align:right}.null{color:#999}p.rows{color:#666;margin:.3rem 0}\
        figure{margin:.5rem 0}svg.chart{width:100%;height:auto;max-width:720px}\
        .axis line{stroke:#888;stroke-width:1}.grid{stroke:#eee!important}.tick,.label,.legend text{font-size:11px;fill:#555}\
        polyline.line{fill:none!important;stroke-width:2}polygon.area{fill-opacity:.25;stroke:none!important}circle.point{stroke:#fff!important;stroke-width:1}\
        footer{margin-top:2rem;color:#999;font-size:.8rem}\
        @media print{body{margin:0;max-width:none}section{break-inside:avoid-page}thead{display:table-header-group}tr{break-inside:avoid}}
        """ + SVGChart.styles

    static func utcTimestamp(_ seconds: Double) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S UTC", &parts)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func duration(_ ms: Double) -> String {
        ms < 1000 ? "\(Int(ms.rounded())) ms" : ChartNumber.trimmed(ms / 1000) + " s"
    }

    /// `makeWriter(.html, …)` for one result (the prompt's `\format html`): a whole page.
    static func singleResultWriter(to sink: OutputSink, options: OutputOptions) -> ResultWriter {
        let report = HTMLReport()
        let inner = report.writer(title: "Result", chart: options.chart)
        return PageWriter(report: report, inner: inner, sink: sink)
    }
}

private final class SectionWriter: ResultWriter {
    let section: HTMLReport.Section
    init(section: HTMLReport.Section) { self.section = section }
    func begin(columns: [OutputColumn]) throws { section.columns = columns }
    func write(row: [String?]) throws {
        section.rowCount += 1
        if section.rows.count < HTMLReport.rowLimit { section.rows.append(row) }
        if section.chart != nil, section.chartRows.count < ChartData.rowLimit { section.chartRows.append(row) }
    }
    func end() throws {}
}

private final class PageWriter: ResultWriter {
    let report: HTMLReport
    let inner: ResultWriter
    let sink: OutputSink
    var started = 0.0
    init(report: HTMLReport, inner: ResultWriter, sink: OutputSink) {
        self.report = report
        self.inner = inner
        self.sink = sink
    }
    func begin(columns: [OutputColumn]) throws {
        started = HTMLReport.now()
        try inner.begin(columns: columns)
    }
    func write(row: [String?]) throws { try inner.write(row: row) }
    func end() throws {
        try inner.end()
        let header = HTMLReport.Header(title: "lql result", tenant: "", parameters: [], startedAt: started,
                                       durationMs: (HTMLReport.now() - started) * 1000)
        try sink.write(report.render(header))
        try sink.flush()
    }
}

extension HTMLReport {
    /// Wall-clock Unix seconds.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
