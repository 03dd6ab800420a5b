import ArgumentParser
import Execution

/// The per-cell cache's options, for the commands that run whole notebooks (`check`, `render`,
/// `export`, `build`, `serve`).
struct CacheOptions: ParsableArguments {
    @Flag(help: "Run every cell; neither read nor write the cell cache (.kernelbook-cache).")
    var noCache = false

    /// The cache to run with, or nil under `--no-cache`.
    func cache() -> RunCache? {
        noCache ? nil : RunCache()
    }
}

extension RunCache {
    /// Prints what was wrong with the cache files read so far.
    func printWarnings() {
        for warning in takeWarnings() { printError("warning: \(warning)\n") }
    }
}
