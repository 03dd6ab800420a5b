import ArgumentParser
import Notebook

/// Reads the notebook at `path`, or says why not on standard error and exits with status 2
/// (DESIGN §7: unreadable input).
func readNotebook(_ path: String, rawHTML: Bool = false) throws -> Notebook {
    do {
        return try Notebook(contentsOf: path, rawHTML: rawHTML)
    } catch {
        printError("error: \(error)\n")
        throw ExitCode(2)
    }
}
