import Foundation
import Notebook
import Testing
@testable import Render

@Suite struct SiteTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-site-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func site(_ texts: [(String, String)]) -> Site {
        Site(texts.map { path, text in ExecutedNotebook(unexecuted: Notebook(parsing: text, path: path)) })
    }

    let lessons = [
        ("Notebooks/day02-mlp.md", "# Day 02: MLPs\n\nDense layers see every pixel.\n"),
        ("Notebooks/day03-cnn.md", "# Day 03: CNNs\n\nKernels slide.\n\n```swift\n#expect(1 + 1 == 2)\n```\n"),
    ]

    @Test func aSiteHasAnIndexAPageAndANotebookPerLessonTheSearchAndTheAssets() {
        #expect(site(lessons).files.keys.sorted() == [
            "assets/kernelbook.css", "assets/search-index.js", "assets/search.js", "day02-mlp.html", "day02-mlp.ipynb",
            "day03-cnn.html", "day03-cnn.ipynb", "index.html", "search.html",
        ])
    }

    @Test func everyLessonPageLinksToTheSearchAndItsNotebookBesideIt() throws {
        let files = site(lessons).files
        let day03 = String(decoding: files["day03-cnn.html"]!, as: UTF8.self)
        #expect(day03.contains("<nav class=\"site-links\" aria-label=\"Site\"><a href=\"search.html\">Search</a>"
            + "<a href=\"day03-cnn.ipynb\" download>download .ipynb</a></nav>"))
        let notebook = try #require(files["day03-cnn.ipynb"])
        #expect(notebook == JupyterNotebook(ExecutedNotebook(unexecuted: Notebook(parsing: lessons[1].1, path: lessons[1].0))).renderUTF8())
    }

    @Test func aSiteReusingUnchangedPagesEqualsOneBuiltAfresh() {
        let notebooks = lessons.map { ExecutedNotebook(unexecuted: Notebook(parsing: $0.1, path: $0.0)) }
        let first = Site(notebooks)
        // Day 02's text changes; Day 03 is unchanged but its neighbour's title is new.
        let edited = [ExecutedNotebook(unexecuted: Notebook(parsing: "# Day 02: Perceptrons\n\nNew.\n", path: lessons[0].0)),
                      notebooks[1]]
        let reused = Site(edited, reusing: first, unchanged: [lessons[1].0])
        #expect(reused.files == Site(edited).files)
        // A third lesson after them: Day 02 keeps its neighbours and its page is taken as it was.
        let third = ExecutedNotebook(unexecuted: Notebook(parsing: "# Day 04\n", path: "Notebooks/day04.md"))
        let grown = Site(edited + [third], reusing: reused, unchanged: [lessons[0].0, lessons[1].0])
        #expect(grown.files == Site(edited + [third]).files)
        #expect(grown.files["day02-mlp.html"] == reused.files["day02-mlp.html"])
        #expect(grown.files["day03-cnn.html"] != reused.files["day03-cnn.html"])
    }

    @Test func pagesLinkToTheirNeighboursAndTheIndex() {
        let files = site(lessons).files
        let day02 = String(decoding: files["day02-mlp.html"]!, as: UTF8.self)
        let day03 = String(decoding: files["day03-cnn.html"]!, as: UTF8.self)
        #expect(day02.contains("<a class=\"next\" rel=\"next\" href=\"day03-cnn.html\"><small>Next</small>Day 03: CNNs</a>"))
        #expect(!day02.contains("rel=\"prev\""))
        #expect(day03.contains("<a class=\"previous\" rel=\"prev\" href=\"day02-mlp.html\"><small>Previous</small>Day 02: MLPs</a>"))
        #expect(day03.contains("<a class=\"brand\" href=\"index.html\">"))
    }

    @Test func theIndexListsLessonsInOrderWithSummariesAndCounts() throws {
        let index = String(decoding: site(lessons).files["index.html"]!, as: UTF8.self)
        let day02 = try #require(index.range(of: "Day 02: MLPs"))
        let day03 = try #require(index.range(of: "Day 03: CNNs"))
        #expect(day02.lowerBound < day03.lowerBound)
        #expect(index.contains("<p>Dense layers see every pixel.</p>"))
        #expect(index.contains("<p class=\"facts\">1 cell · 1 claim, not run · <a href=\"day03-cnn.ipynb\" download>download .ipynb</a></p>"))
    }

    @Test func twoBuildsAreByteIdentical() {
        #expect(site(lessons).files == site(lessons).files)
    }

    @Test func writingReplacesTheOldSiteAndCheckFindsNoDifference() throws {
        let folder = try temporaryFolder() + "/Site"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/stale.html", contents: Data("old".utf8))
        let built = site(lessons)
        try built.write(to: folder)
        #expect(built.differences(from: folder) == [])
        #expect(!FileManager.default.fileExists(atPath: folder + "/stale.html"))
        let parent = (folder as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["Site"])  // no staging left behind
    }

    @Test func checkNamesChangedMissingAndExtraFiles() throws {
        let folder = try temporaryFolder()
        let built = site(lessons)
        try built.write(to: folder)
        _ = FileManager.default.createFile(atPath: folder + "/index.html", contents: Data("edited".utf8))
        try FileManager.default.removeItem(atPath: folder + "/day02-mlp.html")
        _ = FileManager.default.createFile(atPath: folder + "/old.html", contents: Data())
        #expect(built.differences(from: folder) == [
            "\(folder)/day02-mlp.html: missing", "\(folder)/index.html: changed",
            "\(folder)/old.html: extra (not part of a fresh build)",
        ])
    }

    @Test func aFailedWriteLeavesTheOldSiteUntouched() throws {
        let parent = try temporaryFolder()
        let folder = parent + "/Site"
        let old = site([lessons[0]])
        try old.write(to: folder)
        // A site that cannot be written: a file path that is also a folder.
        var broken = site(lessons)
        broken.files["index.html/x"] = [1]
        #expect(throws: SiteError.self) { try broken.write(to: folder) }
        #expect(old.differences(from: folder) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["Site"])
    }

    @Test func aFileWhereTheSiteShouldBeIsNotReplaced() throws {
        let parent = try temporaryFolder()
        _ = FileManager.default.createFile(atPath: parent + "/Site", contents: Data("mine".utf8))
        #expect(throws: SiteError.unwritable(path: parent + "/Site", reason: "it is a file, not a folder")) {
            try site(lessons).write(to: parent + "/Site")
        }
        #expect(FileManager.default.contents(atPath: parent + "/Site") == Data("mine".utf8))
    }
}
