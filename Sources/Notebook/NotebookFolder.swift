#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Files

extension Notebook {
    /// The `.md` files directly in `directory`, in file-name order (how lessons are ordered).
    /// - Throws: `NotebookError.unreadable` when the folder cannot be listed.
    public static func paths(in directory: String) throws(NotebookError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let reason = switch Files.isDirectory(directory) {
            case nil: "no such folder"
            case false?: "it is a file, not a folder of notebooks"
            case true?: "not a readable folder"
            }
            throw .unreadable(path: directory, reason: reason)
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { "\(base)/\($0)" }
    }

    /// The notebooks named by command-line arguments: a file as given, a folder as its `.md` files.
    /// - Throws: `NotebookError.unreadable` when a folder cannot be listed.
    public static func paths(named arguments: [String]) throws(NotebookError) -> [String] {
        var paths: [String] = []
        for argument in arguments {
            if Files.isDirectory(argument) == true {
                paths += try Self.paths(in: argument)
            } else {
                paths.append(argument)
            }
        }
        return paths
    }
}
