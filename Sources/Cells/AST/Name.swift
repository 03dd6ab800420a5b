import Synchronization

/// A name a cell binds or uses, interned: scopes compare small numbers rather than hash strings.
struct Name: Hashable, Sendable, CustomStringConvertible {
    /// The name as written.
    let text: String
    /// The same number for the same text everywhere in the process, counting from 0.
    let id: Int

    /// The name `text`, interned.
    init(_ text: String) {
        self.text = text
        id = Self.table.withLock { table in
            if let id = table[text] { return id }
            let id = table.count
            table[text] = id
            return id
        }
    }

    static func == (a: Name, b: Name) -> Bool { a.id == b.id }

    func hash(into hasher: inout Hasher) { hasher.combine(id) }

    var description: String { text }

    /// `$0`, `$1`, …: a closure's shorthand parameter `index`.
    static func shorthand(_ index: Int) -> Name {
        index < shorthands.count ? shorthands[index] : Name("$\(index)")
    }

    private static let shorthands = (0..<8).map { Name("$\($0)") }
    private static let table = Mutex<[String: Int]>([:])
}
