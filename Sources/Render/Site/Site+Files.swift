#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CExchange
import Notebook

extension Site {
    /// Writes the site to `directory`, replacing what is there only once every file is written.
    ///
    /// The files go to a fresh folder beside `directory`, which then takes its place in one
    /// atomic exchange (`renameat2(RENAME_EXCHANGE)`, or two renames where that is unsupported); a
    /// failure at any point leaves the old site byte-identical. Builds into one folder take turns
    /// (an exclusive `flock` on the folder's parent), and each first removes the staging folders
    /// that a killed build left there.
    /// - Parameter waiting: called once when another build holds the folder, before waiting for it.
    public func write(to directory: String, waiting: () -> Void = {}) throws(SiteError) {
        let target = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let fileManager = FileManager.default
        let (parent, name) = PathName.split(target)
        let folder = parent.isEmpty ? "." : parent
        let lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 {
            if flock(lock, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
                waiting()
                while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
            }
        }
        defer { if lock >= 0 { close(lock) } }
        let stagingPrefix = ".\(name).building-"
        for entry in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] where entry.hasPrefix(stagingPrefix) {
            try? fileManager.removeItem(atPath: "\(folder)/\(entry)")
        }
        let staging = "\(folder)/\(stagingPrefix)\(getpid())"
        do throws(SiteError) {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let file = "\(staging)/\(path)"
                if let reason = Self.makeDirectories(PathName.split(file).directory) {
                    throw .unwritable(path: staging, reason: reason)
                }
                if let reason = OutputFile.create(bytes, at: file) {
                    throw .unwritable(path: file, reason: reason)
                }
            }
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
        if let isDirectory = FileSystem.isDirectory(target) {
            guard isDirectory else {
                try? fileManager.removeItem(atPath: staging)
                throw .unwritable(path: target, reason: "it is a file, not a folder")
            }
            if exchange(staging, target) {
                try? fileManager.removeItem(atPath: staging)  // the old site, after the exchange
                return
            }
            let old = staging + ".old"
            guard rename(target, old) == 0 else {
                try? fileManager.removeItem(atPath: staging)
                throw .unwritable(path: target, reason: String(cString: strerror(errno)))
            }
            guard rename(staging, target) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, target)
                try? fileManager.removeItem(atPath: staging)
                throw .unwritable(path: target, reason: reason)
            }
            try? fileManager.removeItem(atPath: old)
        } else if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            try? fileManager.removeItem(atPath: staging)
            throw .unwritable(path: target, reason: reason)
        }
    }

    /// The files that differ between this site and the one in `directory`, each with why
    /// (`changed`, `missing`, `extra`), in path order; empty when `directory` is current.
    public func differences(from directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var report: [String] = []
        var onDisk = Set<String>()
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: base)) ?? []
        where FileSystem.isDirectory("\(base)/\(path)") == false {
            onDisk.insert(path)
        }
        for path in Set(files.keys).union(onDisk).sorted() {
            guard let expected = files[path] else {
                report.append("\(base)/\(path): extra (not part of a fresh build)")
                continue
            }
            guard onDisk.contains(path), let actual = FileManager.default.contents(atPath: "\(base)/\(path)") else {
                report.append("\(base)/\(path): missing")
                continue
            }
            if Array(actual) != expected { report.append("\(base)/\(path): changed") }
        }
        return report
    }

    /// Creates the folder `path` and any missing parents (`mkdir -p`); the reason when it cannot.
    private static func makeDirectories(_ path: String) -> String? {
        if path.isEmpty || mkdir(path, 0o777) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT else { return String(cString: strerror(errno)) }
        let parent = PathName.split(path).directory
        guard parent != path else { return String(cString: strerror(ENOENT)) }
        if let reason = makeDirectories(parent) { return reason }
        return mkdir(path, 0o777) == 0 || errno == EEXIST ? nil : String(cString: strerror(errno))
    }

    /// Swaps two paths atomically with Linux's `renameat2(RENAME_EXCHANGE)`; false where the C
    /// library or the file system lacks it.
    private func exchange(_ a: String, _ b: String) -> Bool {
        kernelbook_exchange(a, b) == 0
    }
}
