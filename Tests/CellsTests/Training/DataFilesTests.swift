import Foundation
import Testing
@testable import Cells

/// `Tensor.load`, `save` and `Shapes.dataset` in cells, on the Datasets fixtures (made by NumPy and
/// Pillow in Tests/DatasetsTests/Fixtures/make_fixtures.py).
@Suite struct DataFilesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../DatasetsTests/Fixtures").standardized.path

    func notebook(in folder: String = fixtures) -> Interpreter {
        Interpreter(file: folder + "/lesson.md", limits: Limits())
    }

    func transcript(_ source: String, in interpreter: Interpreter) -> String {
        Transcript.of(interpreter.run(CellProgram(source: source, file: interpreter.file, firstLine: 1)))
    }

    @Test func loadsNumPyArraysAndPNGImagesFromTheNotebooksFolder() {
        let interpreter = notebook()
        // NumPy wrote f4-2x3.npy from these values (manifest.json); Pillow wrote grey1.png, ink 1 on 0.
        #expect(transcript("Tensor.load(\"npy/f4-2x3.npy\").shape", in: interpreter) == "= [2, 3]")
        #expect(transcript("Tensor.load(\"npy/f4-2x3.npy\")[1, 0]", in: interpreter) == "= 1.249159")
        #expect(transcript("Tensor.load(\"png/grey1.png\").reshaped([15])[0..<4]", in: interpreter) == "= Tensor [4]\n  1  0  0  1")
        // The cell cache keys a cell by the files it touched.
        _ = transcript("Tensor.load(\"npy/f4-2x3.npy\").sum() + Tensor.load(\"png/grey1.png\").sum()", in: interpreter)
        #expect(interpreter.takeAccess().files.keys.sorted() == [Self.fixtures + "/npy/f4-2x3.npy", Self.fixtures + "/png/grey1.png"])
    }

    @Test func savedArraysLoadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-save-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let interpreter = notebook(in: folder)
        #expect(transcript("let t = Tensor([[1.5, -2], [0.25, 8]])\nt.save(\"t.npy\")\nisClose(Tensor.load(\"t.npy\"), t, tolerance: 0)", in: interpreter) == "= true")
        // NumPy's own header for a float32 2×2 array in C order.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/t.npy"))
        #expect(String(decoding: bytes[10...], as: UTF8.self).hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"))
    }

    @Test func badFilesAreLocatedErrors() {
        let interpreter = notebook()
        #expect(transcript("Tensor.load(\"../secret.npy\")", in: interpreter)
            == "error 1:13: files are named relative to the notebook's folder, without '..': not '../secret.npy'\n(failed)")
        #expect(transcript("Tensor.load(\"/etc/passwd\")", in: interpreter)
            == "error 1:13: files are named relative to the notebook's folder, without '..': not '/etc/passwd'\n(failed)")
        #expect(transcript("Tensor.load(\"notes.txt\")", in: interpreter)
            == "error 1:13: Tensor.load reads NumPy '.npy' arrays and '.png' images, not 'notes.txt'\n(failed)")
        #expect(transcript("Tensor.load(\"npy/missing.npy\")", in: interpreter).hasPrefix("error 1:1: "))
        #expect(transcript("Tensor.load(\"npy/broken-fortran.npy\")", in: interpreter).contains("Fortran"))
        #expect(transcript("Tensor.load(\"png/broken-bad-crc.png\")", in: interpreter).hasPrefix("error 1:1: "))
    }

    @Test func shapesMakeALabelledSetOnACanvas() {
        let interpreter = notebook()
        #expect(transcript("""
            let set = Shapes.dataset(kinds: ["disc", "cross"], count: 6, size: 3, canvas: [8, 8], rows: [0], columns: 0...5, seed: 1)
            [set.count, set.classCount, set.images.shape[1], Int(set.labels.sum())]
            """, in: interpreter) == "= [6, 2, 8, 3]")
        #expect(transcript("Shapes.dataset(kinds: [\"star\"], count: 1, size: 3, canvas: [8, 8], rows: [0], columns: [0])", in: interpreter)
            == "error 1:23: the kinds are names among \"horizontalBar\", \"verticalBar\", \"disc\", \"cross\"\n(failed)")
    }
}
