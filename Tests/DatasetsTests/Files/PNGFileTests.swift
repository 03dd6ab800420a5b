import Datasets
import Kernels
import Testing

@Suite struct PNGFileTests {
    /// Every colour type and depth, written by hand in Python (zlib and struct), decoded by libpng.
    @Test(arguments: Fixtures.manifest.png)
    func loadsWhatPythonWrote(_ fixture: Manifest.Case) throws {
        let tensor = try PNGFile.load(fixture.path)
        #expect(tensor.shape == fixture.shape)
        #expect(tensor.scalars == fixture.values)
    }

    @Test func theFixturesCoverEveryChannelCount() {
        #expect(Set(Fixtures.manifest.png.map { $0.shape[2] }) == [1, 2, 3, 4])
    }

    @Test(arguments: [
        ("broken-bad-crc", "its PNG data is damaged: IHDR: CRC error (libpng)"),
        ("broken-bad-zlib", "its PNG data is damaged: IDAT: invalid block type (libpng)"),
        ("broken-bad-depth", "its PNG data is damaged: Invalid IHDR data (libpng)"),
        ("broken-short-idat", "its PNG data is damaged: Not enough image data (libpng)"),
        ("broken-no-iend", "the file ends after 56 bytes, before its PNG data does"),
        ("broken-huge", "its 5000×5000 image with 4 channels has 100000000 values; a tensor holds at most 16777216"),
    ])
    func aDamagedFileIsAnErrorNamingTheFile(_ name: String, _ reason: String) {
        let path = Fixtures.path("png/\(name).png")
        #expect(throws: DatasetsError("cannot load '\(path)': \(reason)", path: path)) { try PNGFile.load(path) }
    }

    @Test func aFileThatIsNotAPNGIsNamedSo() throws {
        try withTemporaryFolder { folder in
            let npy = Fixtures.path("npy/f4-2x3.npy")
            #expect(throws: DatasetsError("cannot load '\(npy)': it is not a PNG file: it does not start with the PNG signature", path: npy)) {
                try PNGFile.load(npy)
            }
            let empty = try write([], named: "empty.png", in: folder)
            #expect(throws: DatasetsError("cannot load '\(empty)': the file ends after 0 bytes, inside the PNG signature", path: empty)) {
                try PNGFile.load(empty)
            }
            let missing = folder + "/missing.png"
            #expect(throws: DatasetsError("cannot load '\(missing)': no such file or directory", path: missing)) {
                try PNGFile.load(missing)
            }
        }
    }

    @Test(arguments: ["png/rgba8-interlaced.png", "png/palette8-trns.png", "png/grey16-filters.png"])
    func everyCutOfAGoodFileIsAnErrorNeverACrash(_ name: String) throws {
        let bytes = try Fixtures.bytes(name)
        try withTemporaryFolder { folder in
            for end in 0..<bytes.count {
                let path = try write(Array(bytes[..<end]), named: "cut.png", in: folder)
                #expect(throws: DatasetsError.self, "cut at \(end)") { try PNGFile.load(path) }
            }
        }
    }

    /// Any single flipped byte is an error or a picture of the right size, never a crash.
    @Test func flippedBytesNeverCrash() throws {
        let bytes = try Fixtures.bytes("png/rgb8-filters.png")
        try withTemporaryFolder { folder in
            for position in 0..<bytes.count {
                var damaged = bytes
                damaged[position] ^= 0x5A
                let path = try write(damaged, named: "flipped.png", in: folder)
                if let tensor = try? PNGFile.load(path) {
                    #expect(tensor.scalars.allSatisfy { (0...1).contains($0) }, "byte \(position)")
                }
            }
        }
    }
}
