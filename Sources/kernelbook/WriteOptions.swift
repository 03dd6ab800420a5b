import ArgumentParser

/// The options of the commands that write pages or notebooks (`render`, `build`, `export`): whether failures still write it,
/// whether the Markdown's raw HTML is kept, and the colours of the diagnostics.
struct WriteOptions<Written: WrittenFile>: ParsableArguments {
    @Flag(help: ArgumentHelp(Written.allowFailuresHelp))
    var allowFailures = false

    @Flag(help: "Keep raw HTML written in the Markdown (dropped by default; only for notes you trust).")
    var unsafeHTML = false

    @OptionGroup var output: OutputOptions
}

/// What a command writes, as its `--allow-failures` help names it.
protocol WrittenFile {
    static var allowFailuresHelp: String { get }
}

/// `kernelbook render`'s page.
enum Page: WrittenFile {
    static let allowFailuresHelp = "Write the page even when a claim fails or a cell errs (still exits 1)."
}

/// `kernelbook build`'s site.
enum SiteFolder: WrittenFile {
    static let allowFailuresHelp = "Write the site even when claims fail or cells err, showing the failures (still exits 1)."
}

/// `kernelbook export`'s Jupyter notebook.
enum JupyterFile: WrittenFile {
    static let allowFailuresHelp = "Write the notebook even when a claim fails or a cell errs, with the errors as outputs (still exits 1)."
}
