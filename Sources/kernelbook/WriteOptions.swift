import ArgumentParser

/// The options of the commands that write HTML (`render`, `build`): whether failures still write it,
/// whether the Markdown's raw HTML is kept, and the colours of the diagnostics.
struct WriteOptions<Written: WrittenHTML>: ParsableArguments {
    @Flag(help: ArgumentHelp(Written.allowFailuresHelp))
    var allowFailures = false

    @Flag(help: "Keep raw HTML written in the Markdown (dropped by default; only for notes you trust).")
    var unsafeHTML = false

    @OptionGroup var output: OutputOptions
}

/// What a command writes, as its `--allow-failures` help names it.
protocol WrittenHTML {
    static var allowFailuresHelp: String { get }
}

/// `kernelbook render`'s page.
enum Page: WrittenHTML {
    static let allowFailuresHelp = "Write the page even when a claim fails or a cell errs (still exits 1)."
}

/// `kernelbook build`'s site.
enum SiteFolder: WrittenHTML {
    static let allowFailuresHelp = "Write the site even when claims fail or cells err, showing the failures (still exits 1)."
}
