#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about where output goes, for colour and interactivity decisions.
public enum Terminal {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The terminal's width in columns (80 when it does not say); LQL_COLUMNS overrides it.
    public static func columns(_ fd: Int32, environment: [String: String] = [:]) -> Int {
        if let forced = environment["LQL_COLUMNS"].flatMap({ Int($0) }), forced > 0 { return forced }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Colour only on a terminal, never with `NO_COLOR` set (to anything), never with `TERM=dumb`.
    public static func useColor(fd: Int32, environment: [String: String]) -> Bool {
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }
}
