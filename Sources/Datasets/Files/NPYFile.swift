public import Kernels

/// NumPy's `.npy` arrays: loading one as a tensor (`np.load`) and saving a tensor (`np.save`).
///
/// Loading reads format versions 1.0, 2.0 and 3.0 in C order with the element types `<f4`,
/// `<f8`, `<i8` and `|u1`; every value becomes the nearest `Float`. Saving writes `<f4` in
/// version 1.0 (2.0 when the header needs it), byte for byte as NumPy 2 writes the same array.
public enum NPYFile {
    /// The element types `load` reads, as NumPy spells them.
    public static let readableTypes = ["<f4", "<f8", "<i8", "|u1"]

    /// The array in the `.npy` file at `path`, as a tensor of the same shape.
    /// - Throws: `DatasetsError` naming the file and what is wrong: missing or unreadable, not a
    ///   `.npy` file, a header that does not parse, Fortran order, an element type not in
    ///   `readableTypes`, more elements than `Tensor.maximumElementCount`, or data whose length
    ///   is not what the shape needs.
    public static func load(_ path: String) throws(DatasetsError) -> Tensor {
        try FileBytes.load(path, decode)
    }

    /// Saves `tensor` as a `<f4` `.npy` file at `path`, replacing any file there atomically.
    /// - Throws: `DatasetsError` naming the file when it cannot be written.
    public static func save(_ tensor: Tensor, to path: String) throws(DatasetsError) {
        try FileBytes.write(encode(tensor), to: path)
    }

    /// The magic string every `.npy` file starts with.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The tensor the bytes of a `.npy` file hold.
    /// - Throws: `DatasetsError` with the reason, without the file's name.
    package static func decode(_ bytes: [UInt8]) throws(DatasetsError) -> Tensor {
        guard bytes.count >= 8, Array(bytes[0..<6]) == magic else {
            throw DatasetsError("it is not a .npy file: it does not start with NumPy's magic string '\\x93NUMPY'")
        }
        let (major, minor) = (bytes[6], bytes[7])
        let lengthSize: Int
        switch major {
        case 1: lengthSize = 2
        case 2, 3: lengthSize = 4
        default: throw DatasetsError("its .npy format version is \(major).\(minor); versions 1.0, 2.0 and 3.0 are read")
        }
        guard bytes.count >= 8 + lengthSize else {
            throw DatasetsError("the file ends after \(bytes.count) bytes, inside its .npy preamble")
        }
        let headerLength = (0..<lengthSize).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let dataStart = 8 + lengthSize + headerLength
        guard dataStart <= bytes.count else {
            throw DatasetsError("the file ends after \(bytes.count) bytes, inside its header of \(headerLength) bytes")
        }
        let headerBytes = bytes[(8 + lengthSize)..<dataStart]
        guard let text = String(validating: headerBytes, as: UTF8.self) else {
            throw DatasetsError("its header is not text")
        }
        let header = try NPYHeader(parsing: text)
        guard let type = ElementType(rawValue: header.descr) else {
            let known = readableTypes.map { "'\($0)'" }
            throw DatasetsError(
                "its elements are '\(header.descr)'; the types read are \(known.dropLast().joined(separator: ", ")) and \(known.last!)")
        }
        guard !header.fortranOrder else {
            throw DatasetsError(
                "its array is stored in Fortran (column-major) order; only C order is read (save np.ascontiguousarray(a))")
        }
        let count: Int
        do {
            count = try Tensor.checkedCount(of: header.shape)
        } catch {
            throw DatasetsError("its header declares shape \(header.shapeText): \(error.message)")
        }
        let needed = count * type.size
        let available = bytes.count - dataStart
        guard available == needed else {
            let what = "the \(needed) bytes of data its shape \(header.shapeText) of '\(header.descr)' needs"
            throw DatasetsError(available < needed
                ? "the file ends after \(available) of \(what)"
                : "the file has \(available - needed) bytes more than \(what)")
        }
        let scalars = bytes.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count { buffer[i] = type.value(raw, at: dataStart + i * type.size) }
                initialized = count
            }
        }
        return try Tensor.checked(header.shape, scalars)
    }

    /// The bytes of a `<f4` `.npy` file holding `tensor`, as `np.save` writes them.
    static func encode(_ tensor: Tensor) -> [UInt8] {
        let header = NPYHeader(descr: "<f4", fortranOrder: false, shape: tensor.shape)
        // NumPy leaves room for the first axis to grow to 21 digits, then pads with spaces so
        // the data starts at a multiple of 64 bytes, and ends the header with a newline.
        var text = header.text
        if let first = tensor.shape.first { text += String(repeating: " ", count: max(0, 21 - String(first).count)) }
        var version: UInt8 = 1
        var lengthSize = 2
        var padding = 64 - (8 + lengthSize + text.utf8.count + 1) % 64
        if text.utf8.count + 1 + padding > Int(UInt16.max) {
            (version, lengthSize) = (2, 4)
            padding = 64 - (8 + lengthSize + text.utf8.count + 1) % 64
        }
        let headerLength = text.utf8.count + padding + 1
        var bytes = magic + [version, 0]
        bytes += (0..<lengthSize).map { UInt8(truncatingIfNeeded: headerLength >> (8 * $0)) }
        bytes += Array(text.utf8) + [UInt8](repeating: 0x20, count: padding) + [0x0A]
        let dataStart = bytes.count
        bytes += [UInt8](repeating: 0, count: 4 * tensor.count)
        bytes.withUnsafeMutableBytes { raw in
            for (i, value) in tensor.scalars.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: dataStart + 4 * i, as: UInt32.self)
            }
        }
        return bytes
    }
}

/// The element types `NPYFile` reads, named as NumPy's `descr` spells them.
private enum ElementType: String {
    case float32 = "<f4"
    case float64 = "<f8"
    case int64 = "<i8"
    case uint8 = "|u1"

    /// Bytes per element.
    var size: Int {
        switch self {
        case .float32: 4
        case .float64, .int64: 8
        case .uint8: 1
        }
    }

    /// The element at byte `offset`, little-endian, as the nearest `Float`.
    func value(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Float {
        switch self {
        case .float32: Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        case .float64: Float(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))))
        case .int64: Float(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        case .uint8: Float(raw[offset])
        }
    }
}
