import ArgumentParser
import Notebook

/// The one notebook `run`, `render` and `export` take.
struct NotebookArgument: ParsableArguments {
    @Argument(help: "The notebook's Markdown file.")
    var notebook: String

    /// Reads the notebook, or says why not on standard error and exits with status 2 (DESIGN §7:
    /// unreadable input).
    func read(rawHTML: Bool = false) throws -> Notebook {
        do {
            return try Notebook(contentsOf: notebook, rawHTML: rawHTML)
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
