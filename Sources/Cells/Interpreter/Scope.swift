/// Names bound in one block of a cell, and the scope around it.
///
/// Each variable lives in a `Box`, as Swift keeps a captured variable: a closure captures the
/// boxes of the names it uses, not the scope, so a closure stored in a local variable makes no
/// reference cycle and the scope is freed when its block ends.
final class Scope {
    /// A variable's storage, shared by the scope and the closures that capture it.
    final class Box {
        /// The value, or nil for `var x: Int` before its first assignment.
        var value: Value?
        /// `var` rather than `let`; settable for a box its scope reuses.
        fileprivate(set) var isMutable: Bool

        init(_ value: Value?, isMutable: Bool) {
            self.value = value
            self.isMutable = isMutable
        }

        /// Runs `body` on the value in place.
        ///
        /// The box is emptied during `body`, so an array or tensor it holds is uniquely referenced
        /// and mutates without a copy; reading the name meanwhile finds it uninitialised.
        func modify<R>(_ body: (inout Value?) throws -> R) rethrows -> R {
            var current = value
            value = nil
            defer { value = current }
            return try body(&current)
        }
    }

    /// The names any scope of one tree has ever bound, shared by all its scopes: a name none has
    /// bound is no variable, so a lookup of a built-in such as `Double` need not search the scopes.
    final class BoundNames {
        private var flags: [Bool] = []

        /// Whether some scope of the tree has bound `name`.
        func contains(_ name: Name) -> Bool {
            name.id < flags.count && flags[name.id]
        }

        func insert(_ name: Name) {
            if name.id >= flags.count { flags += repeatElement(false, count: name.id + 1 - flags.count) }
            flags[name.id] = true
        }
    }

    /// The enclosing scope; nil for the notebook's globals.
    let parent: Scope?
    /// The names this scope's tree has bound: the root's, shared.
    let boundNames: BoundNames
    /// This scope's own bindings: the globals' indexed by name, a block's searched.
    private let bindings: any Bindings

    init(parent: Scope?) {
        self.parent = parent
        boundNames = parent?.boundNames ?? BoundNames()
        bindings = parent == nil ? GlobalBindings() : BlockBindings()
    }

    /// The box of `name` and the scope holding it, searching outwards.
    func find(_ name: Name) -> (box: Box, owner: Scope)? {
        var scope: Scope? = self
        while let current = scope {
            if let box = current.bindings.box(name) { return (box, current) }
            scope = current.parent
        }
        return nil
    }

    /// The value of the variable `name`, searching outwards: nil when no scope binds it, and
    /// `.some(nil)` when its variable is not yet initialised.
    func value(of name: Name) -> Value?? {
        find(name).map { $0.box.value }
    }

    /// Whether this scope itself binds `name`.
    func binds(_ name: Name) -> Bool {
        bindings.box(name) != nil
    }

    /// Binds `name` here to a new box, replacing any binding of this scope.
    func define(_ name: Name, _ value: Value?, mutable: Bool) {
        boundNames.insert(name)
        bindings.define(name, value, mutable: mutable)
    }

    /// Binds `name` here to an existing box, shared with the scope it came from.
    func share(_ name: Name, _ box: Box) {
        boundNames.insert(name)
        bindings.share(name, box)
    }

    /// Drops every binding, breaking the cycles globals form with the functions that use them;
    /// a block's scope keeps its room, and the boxes no closure captured, for the next iteration.
    func clear() {
        bindings.clear()
    }
}

/// One scope's own names and their boxes.
private protocol Bindings: AnyObject {
    /// The box this scope gives `name`, if any.
    func box(_ name: Name) -> Scope.Box?
    /// Binds `name` to a new box, replacing any binding of this scope.
    func define(_ name: Name, _ value: Value?, mutable: Bool)
    /// Binds `name` to an existing box.
    func share(_ name: Name, _ box: Scope.Box)
    /// Drops every binding.
    func clear()
}

/// The notebook's globals: every name of the notebook may be one, so they are indexed by the
/// name's number.
private final class GlobalBindings: Bindings {
    private var boxes: [Scope.Box?] = []

    func box(_ name: Name) -> Scope.Box? {
        name.id < boxes.count ? boxes[name.id] : nil
    }

    func define(_ name: Name, _ value: Value?, mutable: Bool) {
        share(name, Scope.Box(value, isMutable: mutable))
    }

    func share(_ name: Name, _ box: Scope.Box) {
        if name.id >= boxes.count { boxes += repeatElement(nil, count: name.id + 1 - boxes.count) }
        boxes[name.id] = box
    }

    func clear() {
        boxes.removeAll()
    }
}

/// A block's few names, found by a linear search of their numbers. The first `count` entries are
/// bound; boxes past them are empty ones `clear` kept for the next iteration of a loop, which
/// binds the same names again.
private final class BlockBindings: Bindings {
    private var ids: [Int] = []
    private var boxes: [Scope.Box] = []
    private var count = 0

    private func index(_ name: Name) -> Int? {
        ids[..<count].firstIndex(of: name.id)
    }

    func box(_ name: Name) -> Scope.Box? {
        index(name).map { boxes[$0] }
    }

    func define(_ name: Name, _ value: Value?, mutable: Bool) {
        if let index = index(name) {
            boxes[index] = Scope.Box(value, isMutable: mutable)
        } else if count < boxes.count {
            // A loop binds the same names in the same order each time: reuse the slot's box.
            boxes[count].value = value
            boxes[count].isMutable = mutable
            ids[count] = name.id
            count += 1
        } else {
            append(name, Scope.Box(value, isMutable: mutable))
        }
    }

    func share(_ name: Name, _ box: Scope.Box) {
        if let index = index(name) {
            boxes[index] = box
        } else if count < boxes.count {
            ids[count] = name.id
            boxes[count] = box
            count += 1
        } else {
            append(name, box)
        }
    }

    private func append(_ name: Name, _ box: Scope.Box) {
        ids.append(name.id)
        boxes.append(box)
        count += 1
    }

    func clear() {
        for index in 0..<count {
            if isKnownUniquelyReferenced(&boxes[index]) {
                // Emptied now, as it would have been freed.
                boxes[index].value = nil
            } else {
                // A closure keeps this one: the next iteration gets a box of its own.
                boxes[index] = Scope.Box(nil, isMutable: false)
            }
        }
        count = 0
    }
}
