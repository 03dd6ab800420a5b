import Kernels
internal import CDigits

/// The UCI hand-written digits as scikit-learn bundles them (`sklearn.datasets.load_digits()`):
/// 1,797 grey images of 8×8 pixels, classes 0–9, built into the program.
///
/// E. Alpaydin and C. Kaynak (1998), *Optical Recognition of Handwritten Digits*, UCI Machine
/// Learning Repository, https://doi.org/10.24432/C50P49, CC BY 4.0; provenance, format and
/// licence are in Data/digits/ (README.md, LICENSE), whose `digits.bin.gz` is compiled in.
public enum Digits {
    /// The number of images, 1,797.
    public static let count = 1797
    /// The number of classes, 10 (the digits 0–9).
    public static let classCount = 10
    /// The side of an image in pixels, 8.
    public static let side = 8

    /// The images [1797, 8, 8, 1] and their labels 0…9, in the dataset's order. A pixel is the
    /// number of ink pixels in a 4×4 block of the original 32×32 bitmap, 0…16, divided by 16,
    /// so it lies in 0…1 (exactly: these are multiples of 1/16). Row 0 is the top.
    /// - Throws: `DatasetsError` only when the built-in copy is damaged (a broken build).
    public static func load() throws(DatasetsError) -> LabelledImages {
        try decoded.get()
    }

    /// The decompressed bytes of `digits.bin.gz`: 1,797 labels, then 1,797 × 64 pixels 0…16
    /// row by row (Data/digits/README.md gives the layout and the SHA-256).
    /// - Throws: `DatasetsError` when the built-in copy does not decompress.
    public static func payload() throws(DatasetsError) -> [UInt8] {
        do {
            return try Gzip.decompress(compressed, expectedCount: count * (1 + side * side))
        } catch {
            throw DatasetsError("the built-in digits are damaged: \(error.message)")
        }
    }

    /// The gzip bytes compiled into the program, the same as Data/digits/digits.bin.gz.
    static var compressed: [UInt8] {
        Array(UnsafeBufferPointer(start: cdigits_gzip_bytes(), count: cdigits_gzip_count()))
    }

    /// Decoded once, on first use.
    private static let decoded = Result { () throws(DatasetsError) -> LabelledImages in
        let bytes = try payload()
        let pixels = side * side
        guard bytes.count == count * (1 + pixels) else {
            throw DatasetsError("the built-in digits are damaged: \(bytes.count) bytes instead of \(count * (1 + pixels))")
        }
        let labels = bytes[..<count].map(Int.init)
        guard labels.allSatisfy({ $0 < classCount }), bytes[count...].allSatisfy({ $0 <= 16 }) else {
            throw DatasetsError("the built-in digits are damaged: a label above 9 or a pixel above 16")
        }
        let images = try Tensor.checked([count, side, side, 1], bytes[count...].map { Float($0) / 16 })
        return LabelledImages(unchecked: images, labels: labels)
    }
}
