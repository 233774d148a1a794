/// A chart as an inline SVG element for the HTML report: vertical bars (grouped by series),
/// a line with a circle per point, an area with its points, or a histogram. No scripts, no
/// external fonts; the page's CSS colours it, so it prints as it shows.
public enum SVGChart {
    public static let width = 720.0
    public static let height = 300.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 48.0
    static let palette = ["#3b6ea8", "#d9822b", "#3c9d5d", "#b8434a", "#7a5ba6", "#8c6d3f"]

    public static func render(_ data: ChartData) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        var body = ""
        var values: [Double] = []
        var labels = data.labels
        var series = data.series
        if data.kind == .hist {
            let bins = data.bins()
            labels = bins.map { ChartNumber.label($0.low) }
            series = [ChartData.Series(name: "count", values: bins.map { Double($0.count) }, texts: bins.map { String($0.count) })]
        }
        values = series.flatMap(\.values).compactMap { $0 }
        var low = min(0, values.min() ?? 0)
        var high = values.max() ?? 1
        if data.kind == .line, let m = values.min(), m > 0 { low = m - (high - m) * 0.05 }
        if high <= low { high = low + 1 }
        func y(_ v: Double) -> Double { top + plotH - (v - low) / (high - low) * plotH }
        let n = max(1, labels.count)
        func f(_ v: Double) -> String { ChartNumber.trimmed(v) }

        // Axes and the y scale: min, middle, max.
        body += "<g class=\"axis\"><line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\"/>"
        body += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\"/>"
        for v in [low, (low + high) / 2, high] {
            body += "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(HTMLText.escaped(ChartNumber.label(v)))</text>"
            body += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(v)))\"/>"
        }
        body += "</g>"

        let slot = plotW / Double(n)
        func center(_ i: Int) -> Double {
            data.kind == .bar || data.kind == .hist ? left + slot * (Double(i) + 0.5)
                : (n == 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(n - 1))
        }
        // x labels: all when they fit, else every k-th.
        let longest = Double(labels.map { min(16, $0.count) }.max() ?? 1)
        let spacing = max(60, longest * 6.5 + 24)
        let every = max(1, Int((Double(n) / (plotW / spacing)).rounded(.up)))
        for (i, label) in labels.enumerated() where i % every == 0 {
            // Labels at the plot's edges are moved inside it (about 6.5 px a character at 11 px).
            let text = String(label.prefix(16))
            let half = Double(text.count) * 3.25
            let x = min(max(center(i), left + half), left + plotW - half)
            body += "<text class=\"label\" x=\"\(f(x))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\">\(HTMLText.escaped(text))</text>"
        }

        switch data.kind {
        case .bar, .hist:
            let groupWidth = slot * 0.8
            let barWidth = groupWidth / Double(max(1, series.count))
            for (k, s) in series.enumerated() {
                for (i, value) in s.values.enumerated() {
                    guard let value else { continue }
                    let x = left + slot * Double(i) + slot * 0.1 + barWidth * Double(k)
                    let y0 = y(max(0, value)), y1 = y(min(0, value))
                    body += "<rect class=\"bar s\(k % palette.count)\" x=\"\(f(x))\" y=\"\(f(y0))\" width=\"\(f(max(1, barWidth - 1)))\" height=\"\(f(max(0.5, y1 - y0)))\">"
                    body += "<title>\(HTMLText.escaped(labels[i] + " · " + s.name + ": " + s.texts[i]))</title></rect>"
                }
            }
        case .line, .area:
            for (k, s) in series.enumerated() {
                let points = s.values.enumerated().compactMap { i, v in v.map { (center(i), y($0), i) } }
                guard !points.isEmpty else { continue }
                let path = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
                if data.kind == .area, let first = points.first, let last = points.last {
                    body += "<polygon class=\"area s\(k % palette.count)\" points=\"\(f(first.0)),\(f(y(max(low, 0)))) \(path) \(f(last.0)),\(f(y(max(low, 0))))\"/>"
                }
                body += "<polyline class=\"line s\(k % palette.count)\" points=\"\(path)\"/>"
                for p in points {
                    body += "<circle class=\"point s\(k % palette.count)\" cx=\"\(f(p.0))\" cy=\"\(f(p.1))\" r=\"3\">"
                    body += "<title>\(HTMLText.escaped(labels[p.2] + " · " + s.name + ": " + s.texts[p.2]))</title></circle>"
                }
            }
        }
        var legend = ""
        if series.count > 1 {
            legend = "<g class=\"legend\">"
            for (k, s) in series.enumerated() {
                let x = left + Double(k) * 120
                legend += "<rect class=\"s\(k % palette.count)\" x=\"\(f(x))\" y=\"\(f(height - 18))\" width=\"10\" height=\"10\"/>"
                legend += "<text x=\"\(f(x + 14))\" y=\"\(f(height - 9))\">\(HTMLText.escaped(String(s.name.prefix(14))))</text>"
            }
            legend += "</g>"
        }
        let kind = data.kind.rawValue
        return "<svg class=\"chart \(kind)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escaped(kind + " chart of " + series.map(\.name).joined(separator: ", ")))\">"
            + body + legend + "</svg>"
    }

    /// Series colours, for the page's stylesheet.
    static var styles: String {
        palette.enumerated().map { ".s\($0.offset){fill:\($0.element);stroke:\($0.element)}" }.joined()
    }
}
