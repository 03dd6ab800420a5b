/// A path split into its folder and its last component, the way `NSString`'s path methods split it.
public enum PathName {
    /// `a/b/c.html` → (`a/b`, `c.html`); `c.html` → (``, `c.html`); `/c` → (`/`, `c`); trailing
    /// slashes are ignored; `/` is both.
    public static func split(_ path: String) -> (directory: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed == "/" { return ("/", "/") }
        guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
        var directory = trimmed[..<slash]
        while directory.hasSuffix("/") { directory.removeLast() }
        return (directory.isEmpty ? "/" : String(directory), String(trimmed[trimmed.index(after: slash)...]))
    }
}
