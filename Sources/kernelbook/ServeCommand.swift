import ArgumentParser
import Execution
import Notebook
import Render

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "serve", abstract: "Serve the site on this machine, rebuild it when a notebook changes, and reload the open page.")

    @Argument(help: "The folder of notebooks.")
    var notebooks = "Notebooks"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8000

    @Option(help: "The address to listen on (IPv4 or IPv6); anything but 127.0.0.1 or ::1 lets other machines read the site.")
    var host = "127.0.0.1"

    @Flag(help: "Keep raw HTML written in the Markdown (dropped by default; only for notes you trust).")
    var unsafeHTML = false

    @OptionGroup var caching: CacheOptions

    @OptionGroup var options: OutputOptions

    func run() throws {
        let server: HTTPServer
        let watcher: NotebookWatcher
        do {
            server = try HTTPServer(host: host, port: port)
            watcher = try NotebookWatcher(folder: notebooks)
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
        var site = LiveSite(folder: notebooks, rawHTML: unsafeHTML, cache: caching.cache(),
                            color: options.colorsStandardError)
        server.publish(site.rebuild())
        server.start()
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "[::1]" : host.contains(":") ? "[\(host)]" : host
        printOutput("serving \(notebooks) at http://\(shown):\(server.port)/ (Ctrl-C to stop)\n")
        while case .changed = watcher.next() {
            server.publish(site.rebuild())
            server.announceReload()
        }
        printOutput("stopped\n")
    }
}
