#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about where output goes, for colour and interactivity decisions.
public enum Terminal {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Colour only on a terminal, never with `NO_COLOR` set (to anything), never with `TERM=dumb`.
    public static func useColor(fd: Int32, environment: [String: String]) -> Bool {
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }
}
