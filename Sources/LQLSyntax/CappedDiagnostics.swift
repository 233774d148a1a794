import LQLDiagnostics

/// A diagnostic list with a ceiling (`SyntaxLimits.maxDiagnostics`): past it, one `E0119` says
/// the rest were dropped. Noise input would otherwise produce a report as large as itself.
struct CappedDiagnostics {
    private(set) var diagnostics: [Diagnostic] = []
    private var count = 0

    mutating func add(_ d: Diagnostic) {
        if d.code == .tooManyErrors {  // passed on from the lexer's list: keep one
            if !isFull {
                count = SyntaxLimits.maxDiagnostics + 1
                diagnostics.append(d)
            }
            return
        }
        count += 1
        if count <= SyntaxLimits.maxDiagnostics {
            diagnostics.append(d)
        } else if count == SyntaxLimits.maxDiagnostics + 1 {
            diagnostics.append(Diagnostic(.tooManyErrors,
                                          "too many errors; stopped reporting after \(SyntaxLimits.maxDiagnostics)",
                                          at: d.span, hints: ["fix the errors above and try again"]))
        }
    }

    var isFull: Bool { count > SyntaxLimits.maxDiagnostics }
}
