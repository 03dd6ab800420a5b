import Outputs
import Cells
import Files
import Notebook

/// One run's use of the `RunCache`: decides for each cell and inline expression whether its
/// stored result holds, and keeps the interpreter's state exact when it does not.
///
/// A unit's key is made from its identity and the state of every global name it read. A name's
/// state is that of its group: the names that units reading or writing them have tied together
/// (a layer stored under two names, a model a later cell trains in place), which changes with
/// the key of every unit that touches it. A reused unit does not run, so the state it would leave
/// is missing; before a unit runs, the reused units before it run again, in order, so it sees
/// the state an uncached run would give it.
final class CellMemo {
    /// A cell or an inline expression, by its index.
    enum Unit: Hashable {
        case cell(Int)
        case inline(Int)
    }

    let cache: RunCache
    let notebook: Notebook
    private let stored: [String: CachedUnit]
    private var kept: [String: CachedUnit] = [:]
    private var identities: [Unit: String] = [:]
    /// The reused units that have not run since, in order.
    private(set) var pending: [Unit] = []
    private var groupOf: [String: Int] = [:]
    private var groupState: [Int: String] = [:]
    private var nextGroup = 0
    /// The seed the next unseeded layer or random tensor takes.
    private var seed: UInt64 = 1
    /// The places of the units so far, for results that point outside their unit.
    private var layout: [String] = []
    var statistics = RunCache.Statistics()

    init(cache: RunCache, notebook: Notebook) {
        self.cache = cache
        self.notebook = notebook
        stored = cache.load(notebook.path)
        var seen: [String: Int] = [:]
        for segment in notebook.body {
            let (unit, parts): (Unit, [String])
            switch segment {
            case .cell(let index):
                let cell = notebook.cells[index]
                (unit, parts) = (.cell(index), ["cell", cell.code, cell.columnOffsets.map(String.init).joined(separator: ",")])
            case .inline(let index):
                (unit, parts) = (.inline(index), ["inline", notebook.inlineCode[index].code])
            case .html:
                continue
            }
            let occurrence = seen[parts.joined(separator: "\u{0}"), default: 0]
            seen[parts.joined(separator: "\u{0}")] = occurrence + 1
            identities[unit] = ContentDigest.hex(parts: parts + [String(occurrence)])
        }
    }

    /// Where `unit` starts: a cell's first line (column 0), an inline expression's line and column.
    private func anchor(_ unit: Unit) -> (line: Int, column: Int) {
        switch unit {
        case .cell(let index): (notebook.cells[index].firstLine, 0)
        case .inline(let index): (notebook.inlineCode[index].location.line, notebook.inlineCode[index].location.column)
        }
    }

    /// The stored result of `unit` when its key holds, moved to where the unit is now; the
    /// unit then counts as run, and is pending.
    func reuse(_ unit: Unit) -> CachedUnit.Result? {
        let here = anchor(unit)
        layout.append("\(here.line):\(here.column)")
        guard let identity = identities[unit], var entry = stored[identity],
              key(identity, entry.access, files: currentDigests(entry.access.files)) == entry.key else { return nil }
        if let required = entry.layout {
            guard required == ContentDigest.hex(parts: layout) else { return nil }
        } else {
            entry.result = moved(entry.result, from: (entry.line, entry.column), to: here, unit: unit)
        }
        (entry.line, entry.column) = here
        advance(entry.key, entry.access)
        kept[identity] = entry
        pending.append(unit)
        statistics.reused += 1
        return entry.result
    }

    /// Records the fresh result of `unit`, run with `access`.
    func record(_ unit: Unit, _ result: CachedUnit.Result, _ access: StateAccess) {
        statistics.ran += 1
        var access = access
        access.files = currentDigests(access.files)
        guard let identity = identities[unit] else { return }
        let unitKey = key(identity, access, files: access.files)
        advance(unitKey, access)
        // A run cut short by its timeout depends on the machine's speed: it is not kept.
        guard !Self.timedOut(result) else { return }
        let here = anchor(unit)
        let inside = Self.locations(of: result).allSatisfy { location in
            location.file != notebook.path || contains(unit, location)
        }
        kept[identity] = CachedUnit(key: unitKey, access: access, line: here.line, column: here.column,
                                    layout: inside ? nil : ContentDigest.hex(parts: layout), result: result)
    }

    /// Takes the pending units, which the caller runs again before a unit that runs.
    func takePending() -> [Unit] {
        defer { pending = [] }
        statistics.replayed += pending.count
        return pending
    }

    /// Stores what this run computed or reused, unless it is what the cache holds already (every
    /// unit reused in place).
    func save() {
        let unchanged = statistics.ran == 0 && kept.count == stored.count && kept.allSatisfy { identity, unit in
            stored[identity].map { $0.key == unit.key && $0.line == unit.line && $0.column == unit.column } ?? false
        }
        if !unchanged { cache.save(kept, for: notebook.path) }
        cache.add(statistics)
    }

    // MARK: Keys and the state of names

    private func key(_ identity: String, _ access: StateAccess, files: [String: String]) -> String {
        var parts = [identity]
        for name in access.reads { parts += [name, state(of: name)] }
        if access.seedsDrawn > 0 { parts.append("seeds from \(seed): \(access.seedsDrawn)") }
        for (path, digest) in files.sorted(by: { $0.key < $1.key }) { parts += [path, digest] }
        return ContentDigest.hex(parts: parts)
    }

    private func state(of name: String) -> String {
        groupOf[name].flatMap { groupState[$0] } ?? "unbound"
    }

    /// Ties the names `access` touched into one group whose state follows from `unitKey`.
    private func advance(_ unitKey: String, _ access: StateAccess) {
        let merged = Set(access.reads.compactMap { groupOf[$0] })
        let touched = access.writes + access.reads.filter { groupOf[$0] != nil }
        seed += access.seedsDrawn
        guard !touched.isEmpty else { return }
        let group = nextGroup
        nextGroup += 1
        groupState[group] = ContentDigest.hex(parts: [unitKey] + merged.map { groupState[$0]! }.sorted())
        for (name, old) in groupOf where merged.contains(old) { groupOf[name] = group }
        for name in touched { groupOf[name] = group }
        for old in merged { groupState[old] = nil }
    }

    /// The digests the files `recorded` have now ("missing" for one that cannot be read).
    private func currentDigests(_ recorded: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: recorded.keys.map { path in
            (path, (try? Files.read(path)).map { ContentDigest.hex($0) } ?? "missing")
        })
    }

    // MARK: Locations

    private func lineCount(_ unit: Unit) -> Int {
        switch unit {
        case .cell(let index): notebook.cells[index].code.split(separator: "\n", omittingEmptySubsequences: false).count
        case .inline: 1
        }
    }

    private func contains(_ unit: Unit, _ location: SourceLocation) -> Bool {
        let here = anchor(unit)
        return location.line >= here.line && location.line < here.line + lineCount(unit)
    }

    /// `result` with its locations moved as its unit moved from `old` to `new`.
    private func moved(_ result: CachedUnit.Result, from old: (line: Int, column: Int), to new: (line: Int, column: Int),
                       unit: Unit) -> CachedUnit.Result {
        if old == new { return result }
        let path = notebook.path
        let move: (SourceLocation) -> SourceLocation = { location in
            guard location.file == path else { return location }
            var location = location
            if case .inline = unit, location.line == old.line { location.column += new.column - old.column }
            location.line += new.line - old.line
            return location
        }
        return Self.mapLocations(result, move)
    }

    static func timedOut(_ result: CachedUnit.Result) -> Bool {
        guard case .cell(let run) = result, case .failed(let diagnostic) = run.status else { return false }
        return diagnostic.message.hasPrefix("cell ran past its timeout")
    }

    static func locations(of result: CachedUnit.Result) -> [SourceLocation] {
        var found: [SourceLocation] = []
        _ = mapLocations(result) { found.append($0); return $0 }
        return found
    }

    static func mapLocations(_ result: CachedUnit.Result, _ move: (SourceLocation) -> SourceLocation) -> CachedUnit.Result {
        func diagnostic(_ d: Diagnostic) -> Diagnostic {
            var d = d
            d.location = move(d.location)
            d.notes = d.notes.map(diagnostic)
            return d
        }
        func claim(_ c: ClaimResult) -> ClaimResult {
            var c = c
            c.location = move(c.location)
            return c
        }
        switch result {
        case .cell(var run):
            run.outputs = run.outputs.map { output in
                switch output {
                case .claim(let c): .claim(claim(c))
                case .diagnostic(let d): .diagnostic(diagnostic(d))
                default: output
                }
            }
            if case .failed(let d) = run.status { run.status = .failed(diagnostic(d)) }
            return .cell(run)
        case .inline(.claim(let c)): return .inline(.claim(claim(c)))
        case .inline(.failure(let d)): return .inline(.failure(diagnostic(d)))
        case .inline(.value): return result
        }
    }
}
