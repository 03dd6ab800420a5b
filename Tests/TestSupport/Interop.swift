import Foundation

/// The Python of the interoperability venv (`.build/interop-venv`: nbformat, nbconvert, xmlschema
/// from PyPI, pinned in `Tests/Interop/requirements.txt`), created on first use or reused.
public enum Interop {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// `Tests/Interop/NAME` in the repository.
    public static func script(_ name: String) -> String { repository + "/Tests/Interop/" + name }

    /// The venv's python, or why it could not be made; made once per test run.
    public static let python: Result<String, InteropError> = {
        let result = run("/bin/bash", [script("make_venv.sh"), repository + "/.build/interop-venv"])
        guard result.status == 0 else {
            return .failure(InteropError(message: "cannot make the interop venv (make test-deps): \(result.output)"))
        }
        return .success(result.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map {
            $0.hasPrefix("/") ? String($0) : repository + "/" + $0
        } ?? "")
    }()

    /// Runs the venv's python on a script of `Tests/Interop` with `arguments`.
    public static func runScript(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let python = try python.get()
        return run(python, [script(name)] + arguments)
    }

    /// Runs a program; its standard output and error together.
    public static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-interop-\(UUID()).log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        process.waitUntilExit()
        let output = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, output)
    }
}

/// Why the interop venv is missing.
public struct InteropError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
