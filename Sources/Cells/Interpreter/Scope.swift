/// Names bound in one block of a cell, and the scope around it.
///
/// A class: closures and nested functions capture their scope by reference, as Swift captures
/// variables.
final class Scope {
    /// A named value and whether it may change.
    struct Slot {
        /// The value, or nil for `var x: Int` before its first assignment.
        var value: Value?
        /// `var` rather than `let`.
        var isMutable: Bool
    }

    private(set) var slots: [String: Slot] = [:]
    /// The enclosing scope; nil for the notebook's globals.
    let parent: Scope?

    init(parent: Scope?) {
        self.parent = parent
    }

    /// The scope that binds `name`, searching outwards.
    func owner(of name: String) -> Scope? {
        var scope: Scope? = self
        while let current = scope {
            if current.slots.index(forKey: name) != nil { return current }
            scope = current.parent
        }
        return nil
    }

    /// The slot of `name` in this scope or the nearest one around it that binds it.
    func find(_ name: String) -> Slot? {
        var scope: Scope? = self
        while let current = scope {
            if let slot = current.slots[name] { return slot }
            scope = current.parent
        }
        return nil
    }

    /// Whether this scope itself binds `name`.
    func binds(_ name: String) -> Bool { slots.index(forKey: name) != nil }

    /// Binds `name` here, replacing any binding of this scope.
    func define(_ name: String, _ value: Value?, mutable: Bool) {
        slots[name] = Slot(value: value, isMutable: mutable)
    }

    /// The slot of `name` in this scope.
    func slot(_ name: String) -> Slot? { slots[name] }

    /// Runs `body` on the value of `name` in place; `name` must be bound here.
    ///
    /// The slot is emptied during `body`, so an array or tensor it holds is uniquely referenced
    /// and mutates without a copy, and `body` may read other names of this scope freely.
    func modify<R>(_ name: String, _ body: (inout Value?) throws -> R) rethrows -> R {
        guard let index = slots.index(forKey: name) else { preconditionFailure("'\(name)' is not bound here") }
        var value = slots.values[index].value
        slots.values[index].value = nil
        defer { slots.values[slots.index(forKey: name)!].value = value }
        return try body(&value)
    }
}
