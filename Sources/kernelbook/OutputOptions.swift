import ArgumentParser
import Foundation

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

    /// Whether the output on `descriptor` gets ANSI colours: `auto` means a terminal, without
    /// `NO_COLOR` (https://no-color.org) and not `TERM=dumb`.
    func colors(_ descriptor: Int32) -> Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto:
            isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
                && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
