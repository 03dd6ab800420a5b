import Foundation
import Testing

/// What a build does to the site folder when it is killed, interrupted, run twice at once or
/// runs out of disk: the previous site stays byte-identical and no staging folder is left behind.
@Suite struct BuildFaultTests {
    /// A lesson whose training runs for many seconds, so a signal lands in the middle of the build.
    static let slow = RunawayTrainingTests.setup + """
        ```swift
        model.fit(split.train, epochs: 500, batchSize: 32, optimizer: Adam(learningRate: 0.01), seed: 0)
        ```
        """

    /// The entries of `folder` that a build stages its site in.
    static func stagingFolders(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".building-") }
    }

    /// A lesson folder with a site built from `CommandLineTests.good`, and that site's files.
    static func builtSite() throws -> (folder: String, site: [String: Data]) {
        let folder = try Kernelbook.folder(["Notebooks/a.md": CommandLineTests.good])
        #expect(try Kernelbook.run(["build", "--no-cache"], in: folder).status == 0)
        let site = Kernelbook.snapshot(of: folder + "/Site")
        #expect(site["a.html"] != nil)
        return (folder, site)
    }

    @Test(arguments: [SIGKILL, SIGINT, SIGTERM])
    func aBuildStoppedBySignalLeavesTheSiteByteIdentical(signal: Int32) throws {
        let (folder, site) = try Self.builtSite()
        try Data(Self.slow.utf8).write(to: URL(fileURLWithPath: folder + "/Notebooks/b.md"))
        let build = try Kernelbook.start(["build", "--no-cache"], in: folder)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(build.isRunning, "the build ended before the signal")
        kill(build.processIdentifier, signal)
        build.waitUntilExit()
        #expect(build.terminationReason == .uncaughtSignal && build.terminationStatus == signal)
        #expect(Kernelbook.snapshot(of: folder + "/Site") == site)
        #expect(Self.stagingFolders(in: folder) == [])
    }

    @Test func theNextBuildRemovesWhatAKilledBuildLeftWhileWriting() throws {
        let (folder, _) = try Self.builtSite()
        // What a build killed between writing its files and swapping folders leaves.
        for leftover in [".Site.building-1", ".Site.building-2.old"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(leftover)/assets", withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(leftover)/a.html"))
        }
        #expect(try Kernelbook.run(["build", "--no-cache"], in: folder).status == 0)
        #expect(Self.stagingFolders(in: folder) == [])
        #expect(FileManager.default.fileExists(atPath: folder + "/Site/a.html"))
    }

    @Test func buildsIntoOneFolderTakeTurns() throws {
        let (folder, site) = try Self.builtSite()
        let parent = open(folder, O_RDONLY | O_DIRECTORY)
        #expect(parent >= 0)
        defer { close(parent) }
        try Data("# Good\n\nChanged.\n".utf8).write(to: URL(fileURLWithPath: folder + "/Notebooks/a.md"))
        #expect(flock(parent, LOCK_EX) == 0)
        let errors = folder + "/build-errors.txt"
        let build = try Kernelbook.start(["build", "--no-cache"], in: folder, errorsTo: errors)
        Thread.sleep(forTimeInterval: 1.5)
        let waited = build.isRunning
        let unchanged = Kernelbook.snapshot(of: folder + "/Site") == site
        #expect(flock(parent, LOCK_UN) == 0)
        build.waitUntilExit()
        #expect(waited, "the build did not wait for the folder's lock")
        #expect(String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self)
            .contains("note: another build is writing a site beside 'Site'; waiting for it\n"))
        #expect(unchanged)
        #expect(build.terminationStatus == 0)
        #expect(String(decoding: Kernelbook.snapshot(of: folder + "/Site")["a.html"] ?? Data(), as: UTF8.self).contains("Changed."))
    }

    @Test func concurrentBuildsGiveTheSiteOfOneBuild() throws {
        let (folder, site) = try Self.builtSite()
        for _ in 0..<4 {
            let builds = try (0..<3).map { _ in try Kernelbook.start(["build", "--no-cache"], in: folder) }
            for build in builds {
                build.waitUntilExit()
                #expect(build.terminationStatus == 0)
            }
            #expect(Kernelbook.snapshot(of: folder + "/Site") == site)
            #expect(Self.stagingFolders(in: folder) == [])
        }
    }

    @Test func anEmptyNotebookBuildsWithAWarning() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": ""])
        let result = try Kernelbook.run(["build", "--no-cache"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Notebooks/a.md:1:1: warning: notebook has no level-1 heading; its title will be 'a'"))
        #expect(FileManager.default.fileExists(atPath: folder + "/Site/a.html"))
    }

    @Test func aNotebookThatIsNotUTF8IsAWarningAtItsFirstBadByte() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": ""])
        var bytes = Array("# Caf".utf8) + [0xE9] + Array("\n\nFine.\n\nText ".utf8) + [0xFF, 0xFE] + Array(" here.\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/Notebooks/a.md"))
        let result = try Kernelbook.run(["build", "--no-cache"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Notebooks/a.md:1:6: warning: the file is not UTF-8 (byte 0xE9); "))
        let page = String(decoding: Kernelbook.snapshot(of: folder + "/Site")["a.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("Caf\u{FFFD}"))
        bytes = Array("# Café ✓\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/Notebooks/a.md"))
        #expect(try !Kernelbook.run(["build", "--no-cache"], in: folder).stderr.contains("not UTF-8"))
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs root to mount a 250 KB tmpfs"))
    func aFullDiskFailsTheBuildAndLeavesTheSiteByteIdentical() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let folder = disk.path
        try FileManager.default.createDirectory(atPath: folder + "/Notebooks", withIntermediateDirectories: true)
        try Data(CommandLineTests.good.utf8).write(to: URL(fileURLWithPath: folder + "/Notebooks/a.md"))
        #expect(try Kernelbook.run(["build", "--no-cache"], in: folder).status == 0)
        let site = Kernelbook.snapshot(of: folder + "/Site")
        let loud = "# Loud\n\n```swift\nfor i in 0..<20_000 { print(\"line \\(i) of a long transcript\") }\n```\n"
        try Data(loud.utf8).write(to: URL(fileURLWithPath: folder + "/Notebooks/b.md"))
        let result = try Kernelbook.run(["build", "--no-cache"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot write"), "\(result.stderr)")
        #expect(Kernelbook.snapshot(of: folder + "/Site") == site)
        #expect(Self.stagingFolders(in: folder) == [])
    }
}

/// A 250 KB tmpfs mounted on a fresh folder, for running out of disk on purpose.
struct SmallDisk {
    let path: String

    /// Whether this process may mount one (it runs as root and the kernel lets it).
    static let canMount: Bool = {
        guard getuid() == 0, let disk = try? SmallDisk() else { return false }
        disk.unmount()
        return true
    }()

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-disk-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=250k") == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        umount(path)
        try? FileManager.default.removeItem(atPath: path)
    }
}
