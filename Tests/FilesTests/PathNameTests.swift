import Testing
import Files

@Suite struct PathNameTests {
    // Expected values are what `NSString.deletingLastPathComponent` and `lastPathComponent` give.
    @Test(arguments: [
        ("Site/day03-cnn.html", "Site", "day03-cnn.html"),
        ("page.html", "", "page.html"),
        ("/page.html", "/", "page.html"),
        ("/tmp/a/b", "/tmp/a", "b"),
        ("a/b/", "a", "b"),
        ("a//b", "a", "b"),
        ("/", "/", "/"),
        ("", "", ""),
    ])
    func aPathSplitsIntoItsFolderAndItsLastComponent(path: String, directory: String, name: String) {
        let split = PathName.split(path)
        #expect(split.directory == directory)
        #expect(split.name == name)
    }
}
