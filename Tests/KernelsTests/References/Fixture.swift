import Foundation
import FixtureSupport

extension Fixture {
    /// The folder of numpy's vectors, `Fixtures/make_fixtures.py`'s output.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every case of the manifest.
    static let all = Fixture.all(in: directory)

    /// The cases for `op`.
    static func cases(_ op: String) -> [Fixture] { all.filter { $0.op == op } }
}
