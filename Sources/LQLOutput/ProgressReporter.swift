#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One status line on standard error while a query runs, for a person at a terminal only:
/// after `delay` seconds, `⠿ 2.4 s · 120,000 rows · Ctrl-C cancels`, redrawn every 0.1 s from
/// a small thread (so it shows while the server is still working and no row has come), and
/// cleared before the result prints (`pause()`), or at the end. Exports to a file (`-o`) keep
/// it up with the rows written and the throughput, and end with a summary line.
public final class ProgressReporter: @unchecked Sendable {
    public enum Mode: Sendable {
        case query
        case export(path: String)
        /// A long step without rows (the demo's seed): its name and the elapsed time.
        case step(String)
    }

    private let fd: Int32
    private let mode: Mode
    private let delay: Double
    private var mutex = pthread_mutex_t()
    private var rows = 0
    private var shown = false
    private var paused = false
    private var stopped = false
    private var thread: pthread_t?
    private let started: Double

    /// Whether a status line belongs on standard error: a terminal, not CI, not NO_PROGRESS.
    public static func isWanted(environment: [String: String]) -> Bool {
        isatty(2) == 1 && environment["CI"] == nil && environment["LQL_NO_PROGRESS"] == nil && environment["TERM"] != "dumb"
    }

    public init(mode: Mode, delay: Double = 0.5, fileDescriptor: Int32 = 2) {
        self.mode = mode
        self.delay = delay
        self.fd = fileDescriptor
        self.started = ProgressReporter.now()
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    public func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let created = pthread_create(&handle, nil, { raw in
            let reporter = Unmanaged<ProgressReporter>.fromOpaque(raw!).takeRetainedValue()
            reporter.loop()
            return nil
        }, context)
        if created == 0 { thread = handle } else { Unmanaged<ProgressReporter>.fromOpaque(context).release() }
    }

    public func add(rows n: Int = 1) {
        pthread_mutex_lock(&mutex)
        rows += n
        pthread_mutex_unlock(&mutex)
    }

    /// The result is about to print on the terminal: clear the line and stay quiet.
    public func pause() {
        pthread_mutex_lock(&mutex)
        if !paused {
            paused = true
            if shown { clearLine() }
        }
        pthread_mutex_unlock(&mutex)
    }

    /// Stops the thread and clears the line; an export then says what it wrote.
    public func finish(succeeded: Bool = true) {
        pthread_mutex_lock(&mutex)
        stopped = true
        if shown && !paused { clearLine() }
        let total = rows
        pthread_mutex_unlock(&mutex)
        if let thread { pthread_join(thread, nil) }
        thread = nil
        if succeeded, case .export(let path) = mode, ProgressReporter.now() - started >= delay {
            let seconds = ProgressReporter.now() - started
            emit("wrote \(ProgressReporter.grouped(total)) rows to \(path) in \(ProgressReporter.seconds(seconds))"
                 + " (\(ProgressReporter.grouped(Int(Double(total) / max(seconds, 0.001)))) rows/s)\n")
        }
    }

    private func loop() {
        while true {
            usleep(100_000)
            pthread_mutex_lock(&mutex)
            if stopped { pthread_mutex_unlock(&mutex); return }
            let elapsed = ProgressReporter.now() - started
            if !paused && elapsed >= delay {
                emit("\r\u{1B}[K" + status(elapsed: elapsed))
                shown = true
            }
            pthread_mutex_unlock(&mutex)
        }
    }

    func status(elapsed: Double) -> String {
        switch mode {
        case .query:
            return "\(ProgressReporter.seconds(elapsed)) · \(ProgressReporter.grouped(rows)) rows received · Ctrl-C cancels"
        case .step(let name):
            return "\(name) · \(ProgressReporter.seconds(elapsed))"
        case .export:
            let rate = Int(Double(rows) / max(elapsed, 0.001))
            return "\(ProgressReporter.seconds(elapsed)) · \(ProgressReporter.grouped(rows)) rows written · \(ProgressReporter.grouped(rate)) rows/s · Ctrl-C cancels"
        }
    }

    private func clearLine() { emit("\r\u{1B}[K") }

    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// 1234567 → 1,234,567.
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// 0.042 → "42 ms", 2.51 → "2.5 s", 75 → "1 min 15 s".
    public static func seconds(_ s: Double) -> String {
        if s < 1 { return "\(Int((s * 1000).rounded())) ms" }
        if s < 60 { return ChartNumber.trimmed((s * 10).rounded() / 10) + " s" }
        let whole = Int(s)
        return "\(whole / 60) min \(whole % 60) s"
    }

    /// A writer that counts rows for the status line and clears it before the first byte of
    /// the result reaches the terminal (`sink` is the writer's sink, wrapped).
    public func counting(_ inner: ResultWriter) -> ResultWriter { CountingWriter(reporter: self, inner: inner) }

    /// A sink that clears the status line before it writes (the result goes to the terminal).
    public func clearing(_ inner: OutputSink) -> OutputSink { ClearingSink(reporter: self, inner: inner) }
}

private final class CountingWriter: ResultWriter {
    let reporter: ProgressReporter
    let inner: ResultWriter
    init(reporter: ProgressReporter, inner: ResultWriter) {
        self.reporter = reporter
        self.inner = inner
    }
    func begin(columns: [OutputColumn]) throws { try inner.begin(columns: columns) }
    func write(row: [String?]) throws {
        reporter.add()
        try inner.write(row: row)
    }
    func end() throws { try inner.end() }
}

private final class ClearingSink: OutputSink {
    let reporter: ProgressReporter
    let inner: OutputSink
    init(reporter: ProgressReporter, inner: OutputSink) {
        self.reporter = reporter
        self.inner = inner
    }
    func write(_ text: String) throws {
        reporter.pause()
        try inner.write(text)
    }
    func flush() throws { try inner.flush() }
}
