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
import Files

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
                do {
                    try Files.makeFolders(PathName.split(file).directory)
                    try Files.create(bytes, at: file)
                } catch {
                    throw .unwritable(path: file, reason: error.reason)
                }
            }
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
        if let isDirectory = Files.isDirectory(target) {
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
                throw .unwritable(path: target, reason: Files.reason(errno))
            }
            guard rename(staging, target) == 0 else {
                let reason = Files.reason(errno)
                _ = rename(old, target)
                try? fileManager.removeItem(atPath: staging)
                throw .unwritable(path: target, reason: reason)
            }
            try? fileManager.removeItem(atPath: old)
        } else if rename(staging, target) != 0 {
            let reason = Files.reason(errno)
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
        where Files.isDirectory("\(base)/\(path)") == false {
            onDisk.insert(path)
        }
        for path in Set(files.keys).union(onDisk).sorted() {
            guard let expected = files[path] else {
                report.append("\(base)/\(path): extra (not part of a fresh build)")
                continue
            }
            guard onDisk.contains(path), let actual = try? Files.read("\(base)/\(path)") else {
                report.append("\(base)/\(path): missing")
                continue
            }
            if actual != expected { report.append("\(base)/\(path): changed") }
        }
        return report
    }

    /// Swaps two paths atomically with Linux's `renameat2(RENAME_EXCHANGE)`; false where the C
    /// library or the file system lacks it.
    private func exchange(_ a: String, _ b: String) -> Bool {
        kernelbook_exchange(a, b) == 0
    }
}
