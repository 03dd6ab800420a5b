import ArgumentParser
import Files
import Render
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When to colour diagnostics.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options every command shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    /// Whether standard error gets ANSI colours.
    var colorsStandardError: Bool { colors(STDERR_FILENO) }

    /// Whether standard output gets ANSI colours.
    var colorsStandardOutput: Bool { colors(STDOUT_FILENO) }

    /// Whether the output on `descriptor` gets ANSI colours: `auto` means a terminal, without
    /// `NO_COLOR` (https://no-color.org) and not `TERM=dumb`.
    private func colors(_ descriptor: Int32) -> Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto:
            isatty(descriptor) == 1 && environment("NO_COLOR").map(\.isEmpty) ?? true
                && environment("TERM") != "dumb"
        }
    }
}

/// The environment variable `name`, nil when unset.
func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// Writes to standard error.
func printError(_ text: String) {
    var text = text
    text.withUTF8 { _ = Files.writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
}

/// Writes to standard output, unbuffered.
func printOutput(_ text: String) {
    var text = text
    text.withUTF8 { _ = Files.writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
}

/// Writes `bytes` to standard output, unbuffered.
func printOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { _ = Files.writeAll($0, to: STDOUT_FILENO) }
}
