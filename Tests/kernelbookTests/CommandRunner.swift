import Foundation

/// Runs the built `kernelbook` binary and captures what it printed.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Kernelbook {
    /// The `kernelbook` executable beside the test bundle (SwiftPM builds it first: the tests depend on it).
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("kernelbook")

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws
        -> CommandResult
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Files rather than pipes: nothing can fill up and block the child.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-out-\(UUID())").path
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        process.standardOutput = FileHandle(forWritingAtPath: base + ".out")
        process.standardError = FileHandle(forWritingAtPath: base + ".err")
        try process.run()
        process.waitUntilExit()
        let stdout = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let stderr = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `kernelbook` with its output discarded, for a test that signals it or runs several at once.
    /// `errorsTo` names a file for its standard error instead.
    static func start(_ arguments: [String], in directory: String, errorsTo: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        if let errorsTo {
            _ = FileManager.default.createFile(atPath: errorsTo, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: errorsTo)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// A fresh folder with the given files (relative path → text).
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-cli-\(UUID())").path
        for (path, text) in files {
            let full = "\(root)/\(path)"
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    /// Every file under `folder` with its bytes, to prove a folder did not change.
    static func snapshot(of folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let path = enumerator.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: "\(folder)/\(path)") { files[path] = data }
            }
        }
        return files
    }
}
