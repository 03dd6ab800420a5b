import Foundation

extension Site {
    /// Writes the site to `directory`, replacing what is there only once every file is written.
    ///
    /// The files go to a fresh folder beside `directory`, which then takes its place in one
    /// atomic exchange (`renameat2(RENAME_EXCHANGE)`, or two renames where that is unsupported); a
    /// failure at any point leaves the old site byte-identical.
    public func write(to directory: String) throws(SiteError) {
        let target = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let fileManager = FileManager.default
        let parent = (target as NSString).deletingLastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.\((target as NSString).lastPathComponent).building-\(getpid())"
        try? fileManager.removeItem(atPath: staging)
        do {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let file = "\(staging)/\(path)"
                try fileManager.createDirectory(
                    atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fileManager.createFile(atPath: file, contents: Data(bytes)) else {
                    throw SiteError.unwritable(path: file, reason: "the file could not be created")
                }
            }
        } catch {
            try? fileManager.removeItem(atPath: staging)
            if let error = error as? SiteError { throw error }
            throw .unwritable(path: staging, reason: "\(error.localizedDescription)")
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                try? fileManager.removeItem(atPath: staging)
                throw .unwritable(path: target, reason: "it is a file, not a folder")
            }
            if exchange(staging, target) {
                try? fileManager.removeItem(atPath: staging)  // now holds the old site
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
        if let enumerator = FileManager.default.enumerator(atPath: base) {
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: "\(base)/\(path)", isDirectory: &isDirectory),
                   !isDirectory.boolValue {
                    onDisk.insert(path)
                }
            }
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

    /// Swaps two paths atomically with Linux's `renameat2(RENAME_EXCHANGE)`; false where the C
    /// library or the file system lacks it. (glibc declares it only under _GNU_SOURCE, so it is
    /// looked up at run time.)
    private func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
