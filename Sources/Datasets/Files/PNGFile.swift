public import Kernels
internal import CPNGReader

/// PNG images decoded by libpng into tensors.
///
/// Every colour type and depth is read: grey (1, 2, 4, 8, 16 bits), grey with alpha, RGB and
/// RGBA (8, 16 bits), palette (1–8 bits, expanded to RGB). A tRNS chunk adds an alpha channel;
/// interlaced images are de-interlaced. Gamma and colour-space chunks are not applied: a value
/// is the stored sample divided by 255 (or 65535 at 16 bits), rounded to `Float`.
public enum PNGFile {
    /// The image in the PNG file at `path` as a tensor [height, width, channels] in 0…1:
    /// 1 channel for grey, 2 grey + alpha, 3 RGB, 4 RGBA.
    /// - Throws: `DatasetsError` naming the file and what is wrong: missing or unreadable, not a
    ///   PNG, damaged or cut short (libpng's reason), or more values than
    ///   `Tensor.maximumElementCount`.
    public static func load(_ path: String) throws(DatasetsError) -> Tensor {
        try FileBytes.load(path, decode)
    }

    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The tensor the bytes of a PNG file hold.
    /// - Throws: `DatasetsError` with the reason, without the file's name.
    package static func decode(_ bytes: [UInt8]) throws(DatasetsError) -> Tensor {
        guard bytes.starts(with: signature) else {
            throw DatasetsError(bytes.count < signature.count && signature.starts(with: bytes)
                ? "the file ends after \(bytes.count) bytes, inside the PNG signature"
                : "it is not a PNG file: it does not start with the PNG signature")
        }
        var image = cpng_image()
        let status = bytes.withUnsafeBufferPointer { buffer in
            cpng_read(buffer.baseAddress, buffer.count, Tensor.maximumElementCount, &image)
        }
        defer { cpng_free(&image) }
        switch status {
        case CPNG_OK:
            let shape = [Int(image.height), Int(image.width), Int(image.channels)]
            let count = shape.reduce(1, *)
            let scalars = Array(UnsafeBufferPointer(start: image.values, count: count))
            return try Tensor.checked(shape, scalars)
        case CPNG_TOO_LARGE:
            let (height, width, channels) = (Int(image.height), Int(image.width), Int(image.channels))
            throw DatasetsError(
                "its \(height)×\(width) image with \(channels) channel\(channels == 1 ? "" : "s") has \(height * width * channels) values; a tensor holds at most \(Tensor.maximumElementCount)")
        case CPNG_TRUNCATED:
            throw DatasetsError("the file ends after \(bytes.count) bytes, before its PNG data does")
        default:
            let reason = withUnsafeBytes(of: image.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw DatasetsError("its PNG data is damaged: \(reason) (libpng)")
        }
    }
}
