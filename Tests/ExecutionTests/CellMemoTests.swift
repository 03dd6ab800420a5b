import Foundation
import Testing
import Cells
@testable import Execution
import Notebook
import Outputs

@Suite struct CellMemoTests {
    /// A fresh cache folder.
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-cache-\(UUID())").path
    }

    /// What a run gave, to compare cached and uncached runs.
    static func results(_ executed: ExecutedNotebook) -> [String] {
        executed.cells.map { "\($0)" } + executed.inline.map { "\($0)" } + executed.diagnostics.map { "\($0)" }
    }

    /// Runs `text` as `t.md` with a cache in `folder` and checks it gives what an uncached run
    /// gives; returns the counts of this run.
    @discardableResult
    static func run(_ text: String, in folder: String, tool: String = "test",
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> RunCache.Statistics {
        let cache = RunCache(folder: folder, tool: tool)
        let notebook = Notebook(parsing: text, path: "t.md")
        let cached = notebook.run(highlighting: true, cache: cache)
        let uncached = notebook.run(highlighting: true)
        #expect(results(cached) == results(uncached), sourceLocation: sourceLocation)
        #expect(cached.cells.map(\.highlightedCode) == uncached.cells.map(\.highlightedCode), sourceLocation: sourceLocation)
        return cache.statistics
    }

    static let lesson = """
        # T

        ```swift
        let conv = Conv2D(filters: 2, kernel: 3, seed: 1)
        ```

        It has `\\(conv.parameterCount)` parameters.

        ```swift
        let image = Tensor.random([6, 6, 1], seed: 2)
        ```

        ```swift
        let n = 40
        ```

        ```swift
        conv(image).shape
        ```

        ```swift
        #expect(n + 2 == 42)
        ```
        """

    @Test func everyLessonGivesTheSameResultsColdAndWarm() throws {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Notebooks").path
        let folder = Self.folder()
        for path in try Notebook.paths(in: lessons) {
            let notebook = try Notebook(contentsOf: path)
            let uncached = Self.results(notebook.run(highlighting: true))
            let cold = RunCache(folder: folder, tool: "test")
            #expect(Self.results(notebook.run(highlighting: true, cache: cold)) == uncached)
            let warm = RunCache(folder: folder, tool: "test")
            #expect(Self.results(notebook.run(highlighting: true, cache: warm)) == uncached)
            #expect(warm.statistics.ran == 0 && warm.statistics.reused == cold.statistics.ran, "\(path)")
            #expect(warm.takeWarnings().isEmpty)
        }
    }

    @Test func anUnchangedNotebookRunsNothing() {
        let folder = Self.folder()
        #expect(Self.run(Self.lesson, in: folder) == .init(reused: 0, ran: 6, replayed: 0))
        #expect(Self.run(Self.lesson, in: folder) == .init(reused: 6, ran: 0, replayed: 0))
    }

    @Test func aProseEditRunsNothingEvenWhenItMovesTheCellsDown() {
        let folder = Self.folder()
        Self.run(Self.lesson, in: folder)
        let edited = Self.lesson.replacingOccurrences(of: "It has", with: "Some words\nmore lines\n\nThe layer has")
        #expect(Self.run(edited, in: folder) == .init(reused: 6, ran: 0, replayed: 0))
    }

    @Test func editingACellRerunsItAndTheCellsThatReadWhatItDefines() {
        let folder = Self.folder()
        Self.run(Self.lesson, in: folder)
        // The cell after it reads `image`; the last reads only `n`, which did not change. Names a
        // cell declares together stay tied (one might hold the other), so `n` has a cell of its own.
        let edited = Self.lesson.replacingOccurrences(of: "[6, 6, 1], seed: 2", with: "[8, 8, 1], seed: 2")
        let counts = Self.run(edited, in: folder)
        #expect(counts.ran == 2 && counts.reused == 4, "\(counts)")
        // A cell that runs needs the state of the reused cells before it, which run again unseen:
        // the first cell and the inline code before the edited cell, the cell of `n` before the next.
        #expect(counts.replayed == 3)
    }

    @Test func aCellThatChangesAnObjectInPlaceInvalidatesTheCellsThatReadItLater() {
        let folder = Self.folder()
        let text = """
            # T

            ```swift
            let conv = Conv2D(filters: 1, kernel: 1, bias: false, seed: 1)
            let alias = conv
            ```

            ```swift
            alias.weights = Tensor.ones([1, 1, 1, 1]) * 2
            ```

            ```swift
            conv(Tensor.ones([1, 1, 1])).sum()
            ```
            """
        Self.run(text, in: folder)
        let counts = Self.run(text.replacingOccurrences(of: "* 2", with: "* 3"), in: folder)
        #expect(counts.ran == 2, "\(counts)")
    }

    @Test func anEarlierCellThatDeclaresANameLaterCellsReadInvalidatesThem() {
        let folder = Self.folder()
        let text = "# T\n\n```swift\nlet a = 1\n```\n\n```swift\nlet b = a + 1\nb\n```\n"
        Self.run(text, in: folder)
        // `relu` was a built-in when the second cell ran; a cell declaring it changes what it reads.
        let withRelu = text.replacingOccurrences(of: "let b = a + 1", with: "let b = a + relu(1)")
        Self.run(withRelu, in: folder)
        let shadowed = withRelu.replacingOccurrences(of: "let a = 1", with: "let a = 1\nfunc relu(_ x: Int) -> Int { 7 }")
        #expect(Self.run(shadowed, in: folder).ran == 2)
    }

    @Test func aCellDrawingUnseededRandomNumbersRerunsWhenAnEarlierCellDrawsOneMore() {
        let folder = Self.folder()
        let text = "# T\n\n```swift\nlet a = 1\n```\n\n```swift\nTensor.random([2]).sum()\n```\n"
        Self.run(text, in: folder)
        let counts = Self.run(text.replacingOccurrences(of: "let a = 1", with: "let a = Tensor.random([1])"), in: folder)
        #expect(counts.ran == 2, "\(counts)")
    }

    @Test func aDifferentBuildOfTheToolReusesNothing() {
        let folder = Self.folder()
        Self.run(Self.lesson, in: folder, tool: "build 1")
        let cache = RunCache(folder: folder, tool: "build 2")
        _ = Notebook(parsing: Self.lesson, path: "t.md").run(cache: cache)
        #expect(cache.statistics.ran == 6)
        #expect(cache.takeWarnings() == ["not reusing the cache file '\(cache.file(for: "t.md"))': another build of kernelbook wrote it"])
        #expect(Self.run(Self.lesson, in: folder, tool: "build 2").ran == 0)
    }

    @Test func filesFromAnotherBuildAreOneWarningHoweverMany() {
        let folder = Self.folder()
        let first = RunCache(folder: folder, tool: "build 1")
        let notebooks = ["t.md", "u.md", "v.md"].map { Notebook(parsing: Self.lesson, path: $0) }
        for notebook in notebooks { _ = notebook.run(cache: first) }
        let second = RunCache(folder: folder, tool: "build 2")
        for notebook in notebooks { _ = notebook.run(cache: second) }
        #expect(second.statistics.ran == 18)
        #expect(second.takeWarnings() == ["not reusing 3 cache files in '\(folder)': another build of kernelbook wrote them"])
        #expect(second.takeWarnings() == [])
    }

    @Test func aCacheLeavesTheStagingOfAKilledWriterBehindOnlyWhileItRuns() throws {
        let folder = Self.folder()
        Self.run(Self.lesson, in: folder)
        let cache = RunCache(folder: folder, tool: "test")
        // 4194305 is above Linux's largest process number, so no process has it; this one runs.
        let dead = cache.file(for: "t.md") + ".4194305.tmp", alive = cache.file(for: "u.md") + ".\(getpid()).tmp"
        for path in [dead, alive] { try Data("half a file".utf8).write(to: URL(fileURLWithPath: path)) }
        _ = RunCache(folder: folder, tool: "test")
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
        try FileManager.default.removeItem(atPath: alive)
    }

    @Test func preloadingGivesWhatLoadingGivesWithTheWarningsInTheSameOrder() throws {
        let folder = Self.folder()
        let paths = ["t.md", "u.md", "v.md", "w.md"]
        for path in paths { _ = Notebook(parsing: Self.lesson, path: path).run(cache: RunCache(folder: folder, tool: "test")) }
        let probe = RunCache(folder: folder, tool: "test")
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: probe.file(for: "w.md")))
        try Data("{ not json either".utf8).write(to: URL(fileURLWithPath: probe.file(for: "u.md")))
        func runAll(preloading: Bool) -> ([[String]], RunCache.Statistics, [String]) {
            let cache = RunCache(folder: folder, tool: "test")
            if preloading { cache.preload(paths) }
            let results = paths.map { Self.results(Notebook(parsing: Self.lesson, path: $0).run(cache: cache)) }
            return (results, cache.statistics, cache.takeWarnings())
        }
        let loaded = runAll(preloading: false)
        // The damaged files were rewritten by that run: damage them again.
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: probe.file(for: "w.md")))
        try Data("{ not json either".utf8).write(to: URL(fileURLWithPath: probe.file(for: "u.md")))
        let preloaded = runAll(preloading: true)
        #expect(preloaded.0 == loaded.0)
        #expect(preloaded.1.ran == 12 && preloaded.1.reused == 12 && loaded.1.ran == 12)
        #expect(preloaded.2 == loaded.2 && preloaded.2.count == 2 && preloaded.2[0].contains(probe.file(for: "u.md")))
    }

    @Test func aCorruptOrForeignCacheFileIsIgnoredWithAWarningAndReplaced() throws {
        let folder = Self.folder()
        Self.run(Self.lesson, in: folder)
        let cache = RunCache(folder: folder, tool: "test")
        let file = cache.file(for: "t.md")
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        for bad in [Data(good.prefix(good.count / 2)), Data("{\"format\": 1}".utf8),
                    Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"t.md\"", with: "\"u.md\"").utf8)] {
            try bad.write(to: URL(fileURLWithPath: file))
            let cache = RunCache(folder: folder, tool: "test")
            let notebook = Notebook(parsing: Self.lesson, path: "t.md")
            #expect(Self.results(notebook.run(cache: cache)) == Self.results(notebook.run()))
            #expect(cache.statistics.ran == 6)
            #expect(cache.takeWarnings().map { $0.hasPrefix("ignoring the cache file '\(file)'") } == [true])
            #expect(Self.run(Self.lesson, in: folder).ran == 0)
        }
    }

    /// A cache folder that cannot be made is a warning naming it; the run's results are whole.
    @Test func aCacheFolderThatIsAFileIsAWarningAndTheRunGoesOn() throws {
        let file = Self.folder()
        #expect(FileManager.default.createFile(atPath: file, contents: Data("not a folder".utf8)))
        defer { try? FileManager.default.removeItem(atPath: file) }
        for folder in [file, file + "/nested"] {
            let cache = RunCache(folder: folder, tool: "test")
            let notebook = Notebook(parsing: Self.lesson, path: "t.md")
            #expect(Self.results(notebook.run(cache: cache)) == Self.results(notebook.run()))
            let reason = folder == file ? "it is not a folder" : "not a directory"
            #expect(cache.takeWarnings() == ["cannot create the cache folder '\(folder)': \(reason)"])
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder")
    }

    @Test func aResultIsReusedOnlyWhileTheFilesItReadHoldTheSameBytes() throws {
        let folder = Self.folder()
        let data = folder + "-data.bin"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: data))
        let notebook = Notebook(parsing: "# T\n\n```swift\nlet x = 1\n```\n", path: "t.md")
        let run = CellRun(outputs: [.text("read")], status: .completed)
        let access = StateAccess(reads: [], writes: ["x"], firstSeed: 1, seedsDrawn: 0,
                                 files: [data: ContentDigest.hex([1, 2, 3] as [UInt8])])
        let first = CellMemo(cache: RunCache(folder: folder, tool: "test"), notebook: notebook)
        #expect(first.reuse(.cell(0)) == nil)
        first.record(.cell(0), .cell(run), access)
        first.save()
        let second = CellMemo(cache: RunCache(folder: folder, tool: "test"), notebook: notebook)
        #expect(second.reuse(.cell(0)) != nil)
        try Data([1, 2, 4]).write(to: URL(fileURLWithPath: data))
        let third = CellMemo(cache: RunCache(folder: folder, tool: "test"), notebook: notebook)
        #expect(third.reuse(.cell(0)) == nil)
        try FileManager.default.removeItem(atPath: data)
        #expect(CellMemo(cache: RunCache(folder: folder, tool: "test"), notebook: notebook).reuse(.cell(0)) == nil)
    }

    /// A cell's `Tensor.load` is recorded by the interpreter: rewriting the file reruns that cell
    /// (and what reads its names), and only then.
    @Test func aCellThatLoadsAFileRerunsWhenTheFileChanges() throws {
        let folder = Self.folder()
        let notes = folder + "-notes"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: notes) }
        let text = "# T\n\n```swift\nlet w = Tensor([1.5, 2])\nw.save(\"w.npy\")\n```\n\n```swift\nlet n = 3\n```\n\n```swift\nlet v = Tensor.load(\"w.npy\")\nv.sum()\n```\n"
        let notebook = Notebook(parsing: text, path: notes + "/t.md")
        _ = notebook.run(highlighting: false, cache: RunCache(folder: folder, tool: "test"))
        var cache = RunCache(folder: folder, tool: "test")
        _ = notebook.run(highlighting: false, cache: cache)
        #expect(cache.statistics.ran == 0)
        // Another program rewrites the array: the cell that loads it runs again, and sees it.
        try Data(contentsOf: URL(fileURLWithPath: notes + "/w.npy")).write(to: URL(fileURLWithPath: notes + "/w.npy"))
        cache = RunCache(folder: folder, tool: "test")
        _ = notebook.run(highlighting: false, cache: cache)
        #expect(cache.statistics.ran == 0, "same bytes: nothing runs")
        let saved = try Data(contentsOf: URL(fileURLWithPath: notes + "/w.npy"))
        var changed = [UInt8](saved)
        changed[changed.count - 1] ^= 0x40
        try Data(changed).write(to: URL(fileURLWithPath: notes + "/w.npy"))
        cache = RunCache(folder: folder, tool: "test")
        let executed = notebook.run(highlighting: false, cache: cache)
        #expect(cache.statistics.ran >= 1 && cache.statistics.reused >= 1, "\(cache.statistics)")
        #expect(Self.results(executed) == Self.results(notebook.run(highlighting: false)))
    }

    @Test func aFailingCellAndTheCellsAfterItGiveTheSameReportsFromTheCache() {
        let folder = Self.folder()
        let text = "# T\n\n```swift\nlet a = [1, 2]\n#expect(a.count == 3)\n```\n\n```swift\na[5]\n```\n\nNot run: `\\(a)`.\n"
        Self.run(text, in: folder)
        #expect(Self.run("# T\n\nMore prose.\n" + text.dropFirst(5), in: folder).ran == 0)
    }

    /// Run times recorded for `check --shard` come back by path; a corrupt one is left out.
    @Test func runTimesAreRecordedByNotebook() throws {
        let cache = RunCache(folder: Self.folder(), tool: "test")
        cache.recordSeconds(1.25, for: "Notebooks/a.md")
        cache.recordSeconds(0.5, for: "Notebooks/b.md")
        #expect(cache.recordedSeconds(for: ["Notebooks/a.md", "Notebooks/b.md", "Notebooks/c.md"])
            == ["Notebooks/a.md": 1.25, "Notebooks/b.md": 0.5])
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.folder).filter { $0.hasSuffix(".seconds") }
        #expect(files.count == 2)
        for file in files { try Data("not a number".utf8).write(to: URL(fileURLWithPath: cache.folder + "/" + file)) }
        #expect(cache.recordedSeconds(for: ["Notebooks/a.md", "Notebooks/b.md"]).isEmpty)
    }

    @Test func theDigestIsSipHash24() {
        // The reference vectors of SipHash-2-4 (Aumasson and Bernstein), key 00 01 … 0f.
        let key0: UInt64 = 0x0706_0504_0302_0100, key1: UInt64 = 0x0f0e_0d0c_0b0a_0908
        #expect(ContentDigest.sipHash([], key0: key0, key1: key1) == 0x726f_db47_dd0e_0e31)
        #expect(ContentDigest.sipHash(Array(0..<15), key0: key0, key1: key1) == 0xa129_ca61_49be_45e5)
        #expect(ContentDigest.sipHash(Array(0..<8), key0: key0, key1: key1) == 0x93f5_f579_9a93_2462)
    }
}
