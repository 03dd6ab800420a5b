// Markdown → HTML throughput of Kernelbook beside the cmark CLI, measured in the same run.
//
// Usage: MarkdownBenchmark CORPUS.md... [--runs N] [--kernelbook PATH]
// For each file: Kernelbook in-process (Notebook(parsing:) + HTMLPage.render()), the
// `kernelbook render` command as a fresh process, and `cmark` (Debian's CLI) as a fresh process
// writing to /dev/null. Median wall time of N runs; MB = 10^6 bytes. Then the peak memory (the
// maximum resident set) of each process on the same file, whose ratio the issue bounds at 1.5×.
import Foundation
import Notebook
import Render

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs a command with output to /dev/null and returns its wall time. posix_spawn and waitpid
/// rather than Foundation's Process, whose wait polls and rounds short runs up.
@discardableResult
func runProcess(_ arguments: [String]) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    return seconds {
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// The command's peak resident memory in MiB, as GNU time reports it. Not from wait4 on a child
/// spawned here: posix_spawn starts the child in this process's memory (vfork), whose high-water
/// mark the kernel then counts as the child's; time forks a copy of its own small image.
func peakMiB(_ arguments: [String]) throws -> Double {
    let report = NSTemporaryDirectory() + "markdown-benchmark-peak-\(getpid())"
    defer { unlink(report) }
    try runProcess(["/usr/bin/time", "-f", "%M", "-o", report] + arguments)
    let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    return (Double(text.split(separator: "\n").last.map(String.init) ?? "") ?? .nan) / 1024
}

var files: [String] = []
var runs = 7
var kernelbook = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("kernelbook").path
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--kernelbook": kernelbook = arguments.popFirst() ?? kernelbook
    default: files.append(argument)
    }
}
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("usage: MarkdownBenchmark CORPUS.md... [--runs N] [--kernelbook PATH]\n".utf8))
    exit(2)
}

print("| corpus | MB | cmark CLI | kernelbook render (process) | Kernelbook in-process | render ÷ cmark |")
print("| --- | --- | --- | --- | --- | --- |")
var memory: [String] = []
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
        exit(2)
    }
    let megabytes = Double(data.count) / 1e6
    let text = String(decoding: data, as: UTF8.self)
    var library: [Double] = []
    var pageBytes = 0
    for _ in 0..<runs {
        library.append(seconds {
            let notebook = Notebook(parsing: text, path: file)
            pageBytes = HTMLPage(ExecutedNotebook(unexecuted: notebook)).renderUTF8().count
        })
    }
    _ = try runProcess(["cmark", file])  // warm the page cache
    let cmark = try (0..<runs).map { _ in try runProcess(["cmark", file]) }
    let command = try (0..<runs).map { _ in try runProcess([kernelbook, "render", file, "-o", "/dev/null", "--no-cache"]) }
    let name = (file as NSString).lastPathComponent
    func rate(_ times: [Double]) -> String {
        String(format: "%.1f MB/s (%.0f ms)", megabytes / median(times), median(times) * 1000)
    }
    print("| \(name) | \(String(format: "%.2f", megabytes)) | \(rate(cmark)) | \(rate(command)) | \(rate(library)) | "
        + String(format: "%.2f×", median(cmark) / median(command)) + " |")
    _ = pageBytes
    let cmarkPeak = try median((0..<3).map { _ in try peakMiB(["cmark", file]) })
    let renderPeak = try median((0..<3).map { _ in try peakMiB([kernelbook, "render", file, "-o", "/dev/null", "--no-cache"]) })
    let checkPeak = try median((0..<3).map { _ in try peakMiB([kernelbook, "check", file, "--no-cache"]) })
    memory.append("| \(name) | \(String(format: "%.2f", megabytes)) | " + String(format: "%.1f | %.1f (%.2f×) | %.1f (%.2f×) |",
        cmarkPeak, renderPeak, renderPeak / cmarkPeak, checkPeak, checkPeak / cmarkPeak))
}
print("\nPeak memory (MiB, median; target: at most 1.5× cmark's on the same file)\n")
print("| corpus | MB | cmark CLI | kernelbook render | kernelbook check |")
print("| --- | --- | --- | --- | --- |")
memory.forEach { print($0) }
