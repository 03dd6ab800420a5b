import ArgumentParser
import Execution
import Notebook
import Render

/// `kernelbook render` and `kernelbook export`: run one notebook and write it as one `Document`.
struct SingleFileCommand<Document: SingleFileDocument>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration.subcommand(Document.about.name, abstract: Document.about.abstract)
    }

    @OptionGroup var file: NotebookArgument

    @Option(name: .shortAndLong, help: ArgumentHelp(Document.about.outputHelp))
    var output: String?

    @OptionGroup var options: WriteOptions<Document>

    @OptionGroup var caching: CacheOptions

    /// Runs the notebook through the cell cache (colouring its code when the document shows it) and
    /// writes the document as `WriteOptions.write` does.
    func run() throws {
        let cache = caching.cache()
        let executed = try file.read(rawHTML: options.unsafeHTML).run(highlighting: Document.about.highlighting, cache: cache)
        cache?.printWarnings()
        try options.write(Document.document(of: executed), of: executed, from: file, to: output)
    }
}

/// A document `render` or `export` writes as one file.
protocol SingleFileDocument: WrittenFile {
    /// The command that writes it and how the command speaks of it.
    static var about: SingleFileAbout { get }
    /// The document of a run notebook.
    static func document(of executed: ExecutedNotebook) -> Self
    /// The file's bytes.
    func renderUTF8() -> [UInt8]
    /// Writes the file to `path`, leaving an old file unchanged on failure.
    func write(to path: String) throws(SiteError)
}

extension SingleFileDocument {
    static var allowFailuresHelp: String { about.allowFailuresHelp }
}

/// A single-file command: its name and summary, what it calls the file, whether the file shows
/// coloured code, and its options' help.
struct SingleFileAbout {
    let name: String, noun: String, highlighting: Bool
    let abstract: String, allowFailuresHelp: String, outputHelp: String
}

/// `kernelbook render`.
typealias RenderCommand = SingleFileCommand<HTMLPage>
/// `kernelbook export`.
typealias ExportCommand = SingleFileCommand<JupyterNotebook>

extension HTMLPage: SingleFileDocument {
    static func document(of executed: ExecutedNotebook) -> Self { Self(executed) }
    static let about = SingleFileAbout(name: "render", noun: "page", highlighting: true,
        abstract: "Run one notebook and write it as a standalone HTML page.",
        allowFailuresHelp: "Write the page even when a claim fails or a cell errs (still exits 1).", outputHelp: "Where to write the page (default: standard output).")
}

extension JupyterNotebook: SingleFileDocument {
    static func document(of executed: ExecutedNotebook) -> Self { Self(executed) }
    static let about = SingleFileAbout(name: "export", noun: "notebook", highlighting: false,
        abstract: "Run one notebook and write it as a Jupyter notebook (.ipynb) with its outputs.",
        allowFailuresHelp: "Write the notebook even when a claim fails or a cell errs, with the errors as outputs (still exits 1).",
        outputHelp: "Where to write the .ipynb (default: standard output).")
}
