/// Names bound in one block of a cell, and the scope around it.
///
/// Each variable lives in a `Box`, as Swift keeps a captured variable: a closure captures the
/// boxes of the names it uses, not the scope, so a closure stored in a local variable makes no
/// reference cycle and the scope is freed when its block ends.
final class Scope {
    /// A variable's storage, shared by the scope and the closures that capture it.
    final class Box {
        /// The value, or nil for `var x: Int` before its first assignment.
        // Unchecked: `modify` moves the value out rather than holding an access open, so no two
        // accesses overlap, and the run-time check cost more than a name's lookup.
        @exclusivity(unchecked) var value: Value?
        /// `var` rather than `let`.
        // Settable only for a box its scope reuses; unchecked as `value` is.
        @exclusivity(unchecked) fileprivate(set) var isMutable: Bool

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
        // Only ever set, so a name once bound stays counted; unchecked as the boxes are.
        @exclusivity(unchecked) private var flags: [Bool] = []

        /// Whether some scope of the tree has bound `name`.
        @inline(__always)
        func contains(_ name: Name) -> Bool {
            name.id < flags.count && flags[name.id]
        }

        func insert(_ name: Name) {
            if name.id >= flags.count { flags += repeatElement(false, count: name.id + 1 - flags.count) }
            flags[name.id] = true
        }
    }

    // A block binds a handful of names, found fastest by a linear search of their numbers; the
    // globals, which hold every name of the notebook, are indexed by the number itself. Numbers
    // and boxes are kept in two arrays rather than one of pairs: a search then touches no
    // reference counts. The first `localCount` entries are bound; boxes past them are empty
    // ones `clear` kept for the next iteration of a loop, which binds the same names again.
    // Unchecked: no access to them is held across a call, and the run-time check doubled a lookup.
    @exclusivity(unchecked) private var localIDs: [Int] = []
    @exclusivity(unchecked) private var localBoxes: [Box] = []
    @exclusivity(unchecked) private var localCount = 0
    @exclusivity(unchecked) private var global: [Box?] = []
    /// The enclosing scope; nil for the notebook's globals.
    let parent: Scope?
    /// `parent`, to walk outwards without reference counting: `parent` keeps it alive.
    private let enclosing: Unmanaged<Scope>?
    /// The names this scope's tree has bound: the root's, shared.
    let boundNames: BoundNames

    init(parent: Scope?) {
        self.parent = parent
        enclosing = parent.map { Unmanaged.passUnretained($0) }
        boundNames = parent?.boundNames ?? BoundNames()
    }

    /// Where this scope's locals hold `name`, if they do.
    @inline(__always)
    private func localIndex(_ name: Name) -> Int? {
        let count = localCount
        return localIDs.withUnsafeBufferPointer { ids in
            for index in 0..<count where ids[index] == name.id { return index }
            return nil
        }
    }

    /// The box this scope itself gives `name`.
    @inline(__always)
    private func box(_ name: Name) -> Box? {
        if parent == nil {
            return name.id < global.count ? global[name.id] : nil
        }
        guard let index = localIndex(name) else { return nil }
        return localBoxes[index]
    }

    /// The box of `name` and the scope holding it, searching outwards.
    func find(_ name: Name) -> (box: Box, owner: Scope)? {
        var scope: Scope? = self
        while let current = scope {
            if let box = current.box(name) { return (box, current) }
            scope = current.parent
        }
        return nil
    }

    /// The box of `name`, searching outwards; `find` without the owner, for reading and writing.
    func findBox(_ name: Name) -> Box? {
        outwards { $0.box(name) }
    }

    /// The value of the variable `name`, searching outwards: nil when no scope binds it, and
    /// `.some(nil)` when its variable is not yet initialised. `findBox` without retaining the box.
    func value(of name: Name) -> Value?? {
        outwards { $0.ownValue(name) }
    }

    /// The first answer `look` gives, asking this scope and then each enclosing one.
    @inline(__always)
    private func outwards<T>(_ look: (Scope) -> T?) -> T? {
        if let found = look(self) { return found }
        // Every scope on the way is kept alive by `self`, so walking need not retain them.
        var next = enclosing
        while let current = next {
            if let found = current._withUnsafeGuaranteedRef({ look($0) }) { return found }
            next = current._withUnsafeGuaranteedRef { $0.enclosing }
        }
        return nil
    }

    /// The value of this scope's own variable `name`, as `value(of:)` gives it.
    @inline(__always)
    private func ownValue(_ name: Name) -> Value?? {
        if parent == nil {
            guard name.id < global.count, let box = global[name.id] else { return nil }
            return .some(box.value)
        }
        guard let index = localIndex(name) else { return nil }
        return .some(localBoxes[index].value)
    }

    /// Whether this scope itself binds `name`.
    func binds(_ name: Name) -> Bool {
        // Searched without taking the box, which would retain it.
        if parent == nil { return name.id < global.count && global[name.id] != nil }
        return localIndex(name) != nil
    }

    /// Binds `name` here to a new box, replacing any binding of this scope.
    func define(_ name: Name, _ value: Value?, mutable: Bool) {
        if parent != nil, localIndex(name) == nil {
            defineNew(name, value, mutable: mutable)
        } else {
            share(name, Box(value, isMutable: mutable))
        }
    }

    /// Binds `name`, which this scope does not bind yet, to a new box: `define` without the search.
    func defineNew(_ name: Name, _ value: Value?, mutable: Bool) {
        guard parent != nil else { return share(name, Box(value, isMutable: mutable)) }
        if localCount < localBoxes.count {
            let spare = localBoxes[localCount]
            spare.value = value
            spare.isMutable = mutable
            // A loop binds the same names in the same order each time: the slot's name then is
            // this one, counted already.
            if localIDs[localCount] != name.id {
                boundNames.insert(name)
                localIDs[localCount] = name.id
            }
        } else {
            boundNames.insert(name)
            localIDs.append(name.id)
            localBoxes.append(Box(value, isMutable: mutable))
        }
        localCount += 1
    }

    /// Binds `name` here to an existing box, shared with the scope it came from.
    func share(_ name: Name, _ box: Box) {
        boundNames.insert(name)
        if parent == nil {
            if name.id >= global.count { global += repeatElement(nil, count: name.id + 1 - global.count) }
            global[name.id] = box
        } else if let index = localIndex(name) {
            localBoxes[index] = box
        } else if localCount < localBoxes.count {
            localIDs[localCount] = name.id
            localBoxes[localCount] = box
            localCount += 1
        } else {
            localIDs.append(name.id)
            localBoxes.append(box)
            localCount += 1
        }
    }

    /// Drops every binding, breaking the cycles globals form with the functions that use them;
    /// a block's scope keeps its room, and the boxes no closure captured, for the next iteration.
    func clear() {
        for index in 0..<localCount {
            if isKnownUniquelyReferenced(&localBoxes[index]) {
                // Emptied now, as it would have been freed.
                localBoxes[index].value = nil
            } else {
                // A closure keeps this one: the next iteration gets a box of its own.
                localBoxes[index] = Box(nil, isMutable: false)
            }
        }
        localCount = 0
        global.removeAll()
    }
}
