import Datasets
import Foundation
import Kernels
import Testing

@Suite struct NPYFileTests {
    @Test(arguments: Fixtures.manifest.npy)
    func loadsWhatNumpyWrote(_ fixture: Manifest.Case) throws {
        let tensor = try NPYFile.load(fixture.path)
        #expect(tensor.shape == fixture.shape)
        #expect(tensor.scalars == fixture.values)
    }

    @Test(arguments: Fixtures.manifest.saved)
    func savesWhatNumpySaves(_ fixture: Manifest.Case) throws {
        let tensor = try Tensor(shape: fixture.shape, scalars: fixture.values)
        try withTemporaryFolder { folder in
            let path = folder + "/saved.npy"
            try NPYFile.save(tensor, to: path)
            let saved = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(saved == (try Fixtures.bytes(fixture.file)))
            #expect(try NPYFile.load(path) == tensor)
        }
    }

    @Test func savingReplacesAFileAndLeavesNoStagingFileBehind() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/a.npy"
            try NPYFile.save(try Tensor.zeros([2, 2]), to: path)
            try NPYFile.save(try Tensor.ones([3]), to: path)
            #expect(try NPYFile.load(path) == (try Tensor.ones([3])))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.npy"])
        }
    }

    @Test func savingIntoAMissingFolderNamesTheFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/missing/a.npy"
            #expect(throws: DatasetsError("cannot save '\(path)': cannot create a file in '\(folder)/missing': no such file or directory", path: path)) {
                try NPYFile.save(try Tensor.zeros([1]), to: path)
            }
            #expect(throws: DatasetsError("cannot save '\(folder)': it is a folder", path: folder)) {
                try NPYFile.save(try Tensor.zeros([1]), to: folder)
            }
        }
    }

    /// Files numpy writes that Kernelbook does not read: each an error that says why.
    @Test(arguments: [
        ("broken-fortran", "its array is stored in Fortran (column-major) order; only C order is read (save np.ascontiguousarray(a))"),
        ("broken-big-endian", "its elements are '>f4'; the types read are '<f4', '<f8', '<i8' and '|u1'"),
        ("broken-int32", "its elements are '<i4'; the types read are '<f4', '<f8', '<i8' and '|u1'"),
        ("broken-structured", "its header's 'descr' is [('x', '<f4'), ('y', '<f4')], a structured type; only plain numbers are read"),
    ])
    func refusesWhatItDoesNotRead(_ name: String, _ reason: String) {
        let path = Fixtures.path("npy/\(name).npy")
        #expect(throws: DatasetsError("cannot load '\(path)': \(reason)", path: path)) { try NPYFile.load(path) }
    }

    /// A valid v1.0 file of a [2, 3] '<f4' array, made here so each case can break one thing.
    static func file(header: String, data: Int = 24, version: [UInt8] = [1, 0]) -> [UInt8] {
        let text = Array(header.utf8) + [0x0A]
        let length: [UInt8] = version[0] == 1 ? [UInt8(text.count & 0xFF), UInt8(text.count >> 8)]
                                              : [UInt8(text.count & 0xFF), UInt8(text.count >> 8), 0, 0]
        return [0x93] + Array("NUMPY".utf8) + version + length + text + [UInt8](repeating: 0, count: data)
    }

    static let goodHeader = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"

    @Test(arguments: [
        ("a header made here loads", file(header: goodHeader), nil),
        ("Python 2's long sizes load", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }"), nil),
        ("keys in any order load", file(header: "{\"shape\": (2, 3), \"fortran_order\": False, \"descr\": \"<f4\"}"), nil),
        ("an empty file", [], "it is not a .npy file: it does not start with NumPy's magic string '\\x93NUMPY'"),
        ("a PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
         "it is not a .npy file: it does not start with NumPy's magic string '\\x93NUMPY'"),
        ("version 4.0", file(header: goodHeader, version: [4, 0]), "its .npy format version is 4.0; versions 1.0, 2.0 and 3.0 are read"),
        ("a cut in the preamble", Array(file(header: goodHeader)[..<9]), "the file ends after 9 bytes, inside its .npy preamble"),
        ("a cut in the header", Array(file(header: goodHeader)[..<40]), "the file ends after 40 bytes, inside its header of 60 bytes"),
        ("a cut in the data", Array(file(header: goodHeader).dropLast(5)),
         "the file ends after 19 of the 24 bytes of data its shape (2, 3) of '<f4' needs"),
        ("bytes after the data", file(header: goodHeader, data: 30),
         "the file has 6 bytes more than the 24 bytes of data its shape (2, 3) of '<f4' needs"),
        ("a shape too large for a tensor", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", data: 0),
         "its header declares shape (100000, 100000): a tensor of shape [100000, 100000] has 10000000000 elements; the limit is 16777216"),
        ("a shape that overflows", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", data: 0),
         "its header declares shape (4294967296, 4294967296): a tensor of shape [4294967296, 4294967296] has more than 9223372036854775807 elements; the limit is 16777216"),
        ("a size beyond Int", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", data: 0),
         "its header is not a NumPy header dictionary: the shape size 99999999999999999999 is too large"),
        ("a negative size", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 3), }", data: 0),
         "its header is not a NumPy header dictionary: the shape size '-1' is not a whole number ≥ 0"),
        ("no shape", file(header: "{'descr': '<f4', 'fortran_order': False, }"), "its header has no 'shape'"),
        ("an unknown key", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': 1}"), "its header has an unknown key 'x'"),
        ("a repeated key", file(header: "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"),
         "its header is not a NumPy header dictionary: 'descr' appears twice"),
        ("an unclosed dictionary", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)"),
         "its header is not a NumPy header dictionary: '}' is expected at character 58, not the end"),
        ("a shape that is not a tuple", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': 6, }"),
         "its header's 'shape' is 6, which is not valid there"),
        ("fortran_order that is not a Boolean", file(header: "{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3), }"),
         "its header's 'fortran_order' is 0, which is not valid there"),
        ("a header that is not text", [0x93] + Array("NUMPY".utf8) + [1, 0, 2, 0, 0xFF, 0xFE], "its header is not text"),
    ] as [(String, [UInt8], String?)])
    func aDamagedFileIsAnErrorNamingTheFile(_ what: String, _ bytes: [UInt8], _ reason: String?) throws {
        try withTemporaryFolder { folder in
            let path = try write(bytes, named: "a.npy", in: folder)
            if let reason {
                #expect(throws: DatasetsError("cannot load '\(path)': \(reason)", path: path), "\(what)") { try NPYFile.load(path) }
            } else {
                #expect(try NPYFile.load(path).shape == [2, 3], "\(what)")
            }
        }
    }

    @Test func aVersion2HeaderMadeHereLoads() throws {
        try withTemporaryFolder { folder in
            let path = try write(Self.file(header: Self.goodHeader, version: [2, 0]), named: "a.npy", in: folder)
            #expect(try NPYFile.load(path) == (try Tensor.zeros([2, 3])))
        }
    }

    @Test func everyCutOfAGoodFileIsAnErrorNeverACrash() throws {
        let bytes = try Fixtures.bytes("npy/f4-2x3.npy")
        try withTemporaryFolder { folder in
            for end in 0..<bytes.count {
                let path = try write(Array(bytes[..<end]), named: "cut.npy", in: folder)
                #expect(throws: DatasetsError.self, "cut at \(end)") { try NPYFile.load(path) }
            }
        }
    }

    @Test func aMissingFileOrAFolderIsAnErrorNamingIt() throws {
        try withTemporaryFolder { folder in
            let missing = folder + "/nothing.npy"
            #expect(throws: DatasetsError("cannot load '\(missing)': no such file or directory", path: missing)) {
                try NPYFile.load(missing)
            }
            #expect(throws: DatasetsError("cannot load '\(folder)': it is a folder", path: folder)) { try NPYFile.load(folder) }
        }
    }
}
