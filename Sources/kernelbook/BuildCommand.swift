import ArgumentParser
import Notebook
import Render
import Execution

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "build", abstract: "Run every notebook in a folder and build the site.")

    @Argument(help: "The folder of notebooks; lessons are ordered by file name.")
    var notebooks = "Notebooks"

    @Option(name: .shortAndLong, help: "The site folder, replaced only when the build succeeds.")
    var output = "Site"

    @Flag(help: "Build in memory and exit 1, listing the files that differ, when the site folder is stale.")
    var check = false

    @OptionGroup var options: WriteOptions<SiteFolder>

    @OptionGroup var caching: CacheOptions

    func run() throws {
        let paths: [String]
        var notebooksRead: [Notebook] = []
        do {
            paths = try Notebook.paths(in: notebooks)
            for path in paths { notebooksRead.append(try Notebook(contentsOf: path, rawHTML: options.unsafeHTML)) }
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
        let cache = caching.cache()
        cache?.preload(paths)
        let site = Site(notebooksRead.map { $0.run(highlighting: true, cache: cache) })
        cache?.printWarnings()
        printError(Terminal.diagnostics(of: site.notebooks, color: options.output.colorsStandardError))
        printError(Terminal.summary(of: site.notebooks) + "\n")
        if check {
            let differences = site.differences(from: output)
            guard differences.isEmpty else {
                printError("error: '\(output)' is stale; run 'kernelbook build \(notebooks) -o \(output)'\n")
                printError(differences.map { "  \($0)\n" }.joined())
                throw ExitCode(1)
            }
            if site.failed { throw ExitCode(1) }
            return
        }
        if site.failed && !options.allowFailures {
            printError("error: the build failed; '\(output)' is unchanged (use --allow-failures to write it anyway)\n")
            throw ExitCode(1)
        }
        do {
            try site.write(to: output) {
                printError("note: another build is writing a site beside '\(output)'; waiting for it\n")
            }
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(1)
        }
        printError("wrote \(site.files.count) files to \(output)\n")
        if site.failed { throw ExitCode(1) }
    }
}
