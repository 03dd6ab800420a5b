/// ANSI styles for a terminal, in swiftc's colours for diagnostics; every style is the identity
/// when disabled.
package struct Paint {
    /// Whether to add the escape codes.
    package var enabled: Bool

    package init(enabled: Bool) {
        self.enabled = enabled
    }

    package func bold(_ text: String) -> String { wrap(text, "1") }
    package func faint(_ text: String) -> String { wrap(text, "2") }
    package func red(_ text: String) -> String { wrap(text, "31") }
    package func green(_ text: String) -> String { wrap(text, "32") }
    package func magenta(_ text: String) -> String { wrap(text, "35") }

    /// A diagnostic's caret line: bold green.
    package func caret(_ text: String) -> String { wrap(text, "1;32") }

    /// A diagnostic's `error:`, `warning:` or `note:`: bold red, magenta or grey.
    package func severity(_ severity: Diagnostic.Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;35")
        case .note: wrap(text, "1;30")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
