import Synchronization

/// A name a cell binds or uses, interned: scopes compare small numbers rather than hash strings.
///
/// Only the number is stored, so copying a name costs no reference counting; the text is
/// looked up when a diagnostic or a built-in lookup needs it.
struct Name: Hashable, Sendable, CustomStringConvertible {
    /// The same number for the same text everywhere in the process, counting from 0.
    let id: Int

    /// The name `text`, interned.
    init(_ text: String) {
        id = Self.table.withLock { table in
            if let id = table.ids[text] { return id }
            let id = table.texts.count
            table.ids[text] = id
            table.texts.append(text)
            return id
        }
    }

    /// The name as written.
    var text: String {
        Self.table.withLock { $0.texts[id] }
    }

    var description: String { text }

    /// `_`, which binds nothing.
    static let wildcard = Name("_")

    /// `$0`, `$1`, …: a closure's shorthand parameter `index`.
    static func shorthand(_ index: Int) -> Name {
        index < shorthands.count ? shorthands[index] : Name("$\(index)")
    }

    private static let shorthands = (0..<8).map { Name("$\($0)") }
    private static let table = Mutex<(ids: [String: Int], texts: [String])>(([:], []))
}
