public import Kernels

/// Seeded synthetic image sets: shapes at chosen places on a blank canvas, and given images
/// (the digits, say) placed on a larger canvas, so a lesson can move objects around.
///
/// Images are [height, width, 1] (sets [count, height, width, 1]) with ink 1 on 0. Every choice
/// comes from one `SeededGenerator(seed:)`, taken in the order documented on each function; a
/// choice among n things takes ⌊next() · n / 2⁶⁴⌋ (see `StratifiedSplit`), so the same call
/// gives the same images on every machine.
public enum SyntheticImages {
    /// One shape on a blank canvas [canvasHeight, canvasWidth, 1], its size×size box's top-left
    /// pixel at (`row`, `column`).
    /// - Throws: `DatasetsError` when the size is below 1 or the box does not fit the canvas.
    public static func shape(
        _ kind: ShapeKind, size: Int, row: Int, column: Int, canvasHeight: Int, canvasWidth: Int
    ) throws(DatasetsError) -> Tensor {
        try checkShapeSize(size)
        let count = try Tensor.checkedCount(of: [canvasHeight, canvasWidth, 1])
        try checkOffsets([row], axis: .row, extent: size, canvas: canvasHeight, what: "a \(size)×\(size) \(kind.rawValue)")
        try checkOffsets([column], axis: .column, extent: size, canvas: canvasWidth, what: "a \(size)×\(size) \(kind.rawValue)")
        var scalars = [Float](repeating: 0, count: count)
        draw(kind, size: size, row: row, column: column, canvasWidth: canvasWidth, into: &scalars, at: 0)
        return try Tensor.checked([canvasHeight, canvasWidth, 1], scalars)
    }

    /// `count` images [count, canvasHeight, canvasWidth, 1], each one shape of `kinds`, with the
    /// shape's position in `kinds` as its label.
    ///
    /// Image i shows kinds[i mod kinds.count] (so the classes are balanced and in turn); its box's
    /// top-left row is then drawn from `rows`, and its column from `columns`, in that order,
    /// image by image.
    /// - Throws: `DatasetsError` when the count is below 1, `kinds` is empty or repeats a kind,
    ///   `rows` or `columns` is empty, a listed position puts the box off the canvas, or the set
    ///   has more than `Tensor.maximumElementCount` values.
    public static func shapes(
        _ kinds: [ShapeKind] = ShapeKind.allCases, count: Int, size: Int, canvasHeight: Int, canvasWidth: Int,
        rows: [Int], columns: [Int], seed: UInt64
    ) throws(DatasetsError) -> LabelledImages {
        guard count >= 1 else { throw DatasetsError("a set of shapes needs at least 1 image, not \(count)") }
        guard !kinds.isEmpty else { throw DatasetsError("a set of shapes needs at least one kind of shape") }
        if let repeated = kinds.enumerated().first(where: { kinds[..<$0.offset].contains($0.element) }) {
            throw DatasetsError("'\(repeated.element.rawValue)' appears twice in the kinds; each kind is one class")
        }
        try checkShapeSize(size)
        let shape = [count, canvasHeight, canvasWidth, 1]
        let total = try Tensor.checkedCount(of: shape)
        try checkOffsets(rows, axis: .row, extent: size, canvas: canvasHeight, what: "a \(size)×\(size) shape")
        try checkOffsets(columns, axis: .column, extent: size, canvas: canvasWidth, what: "a \(size)×\(size) shape")
        var generator = SeededGenerator(seed: seed)
        var scalars = [Float](repeating: 0, count: total)
        var labels: [Int] = []
        for image in 0..<count {
            let label = image % kinds.count
            let row = rows[generator.nextIndex(below: rows.count)]
            let column = columns[generator.nextIndex(below: columns.count)]
            draw(kinds[label], size: size, row: row, column: column, canvasWidth: canvasWidth,
                 into: &scalars, at: image * canvasHeight * canvasWidth)
            labels.append(label)
        }
        return LabelledImages(unchecked: try Tensor.checked(shape, scalars), labels: labels)
    }

    /// `images` [count, height, width, channels] each copied onto a blank canvas
    /// [count, canvasHeight, canvasWidth, channels] with its top-left pixel at (`row`, `column`).
    /// - Throws: `DatasetsError` when the images are not rank 4, an image does not fit the canvas
    ///   there, or the result has more than `Tensor.maximumElementCount` values.
    public static func placing(
        _ images: Tensor, canvasHeight: Int, canvasWidth: Int, row: Int, column: Int
    ) throws(DatasetsError) -> Tensor {
        try placing(images, canvasHeight: canvasHeight, canvasWidth: canvasWidth, rows: [row], columns: [column], seed: 0)
    }

    /// `images` [count, height, width, channels] each copied onto a blank canvas
    /// [count, canvasHeight, canvasWidth, channels] at a top-left pixel chosen for it: image by
    /// image, a row drawn from `rows`, then a column drawn from `columns`.
    ///
    /// A lesson that trains on digits at columns 0–4 of a 16×16 canvas and tests at 6–8:
    /// `placing(train, canvasHeight: 16, canvasWidth: 16, rows: [4], columns: Array(0...4), seed: 1)`.
    /// - Throws: `DatasetsError` when the images are not rank 4, `rows` or `columns` is empty, a
    ///   listed position puts an image off the canvas, or the result has more than
    ///   `Tensor.maximumElementCount` values.
    public static func placing(
        _ images: Tensor, canvasHeight: Int, canvasWidth: Int, rows: [Int], columns: [Int], seed: UInt64
    ) throws(DatasetsError) -> Tensor {
        guard images.rank == 4 else {
            throw DatasetsError("images to place are a tensor [count, height, width, channels], not one of shape \(images.shape)")
        }
        let (count, height, width, channels) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
        let shape = [count, canvasHeight, canvasWidth, channels]
        let total = try Tensor.checkedCount(of: shape)
        try checkOffsets(rows, axis: .row, extent: height, canvas: canvasHeight, what: "a \(height)×\(width) image")
        try checkOffsets(columns, axis: .column, extent: width, canvas: canvasWidth, what: "a \(height)×\(width) image")
        var generator = SeededGenerator(seed: seed)
        var scalars = [Float](repeating: 0, count: total)
        let rowLength = width * channels
        for image in 0..<count {
            let row = rows[generator.nextIndex(below: rows.count)]
            let column = columns[generator.nextIndex(below: columns.count)]
            for y in 0..<height {
                let source = ((image * height + y) * width) * channels
                let target = ((image * canvasHeight + row + y) * canvasWidth + column) * channels
                scalars[target..<(target + rowLength)] = images.scalars[source..<(source + rowLength)]
            }
        }
        return try Tensor.checked(shape, scalars)
    }

    /// Draws `kind` with ink 1 into the canvas image starting at `start` in `scalars`.
    private static func draw(
        _ kind: ShapeKind, size: Int, row: Int, column: Int, canvasWidth: Int, into scalars: inout [Float], at start: Int
    ) {
        for y in 0..<size {
            for x in 0..<size where kind.covers(row: y, column: x, size: size) {
                scalars[start + (row + y) * canvasWidth + column + x] = 1
            }
        }
    }

    private static func checkShapeSize(_ size: Int) throws(DatasetsError) {
        guard size >= 1 else { throw DatasetsError("a shape's size must be at least 1 pixel, not \(size)") }
    }

    enum Axis: String {
        case row, column
    }

    /// Checks that every offset in `offsets` keeps `extent` pixels inside `canvas` pixels.
    private static func checkOffsets(
        _ offsets: [Int], axis: Axis, extent: Int, canvas: Int, what: String
    ) throws(DatasetsError) {
        guard !offsets.isEmpty else { throw DatasetsError("there are no \(axis.rawValue)s to place \(what) at") }
        let side = axis == .row ? "tall" : "wide"
        if let bad = offsets.first(where: { $0 < 0 || $0 + extent > canvas }) {
            throw DatasetsError(bad < 0
                ? "\(what) cannot start at \(axis.rawValue) \(bad); positions start at 0"
                : "\(what) at \(axis.rawValue) \(bad) does not fit a canvas \(canvas) \(side): \(bad) + \(extent) = \(bad + extent) > \(canvas)")
        }
    }
}

extension LabelledImages {
    /// These images placed on a larger canvas, each at a row and column drawn as
    /// `SyntheticImages.placing(_:canvasHeight:canvasWidth:rows:columns:seed:)` does; labels unchanged.
    /// - Throws: `DatasetsError` as that function does.
    public func placed(
        canvasHeight: Int, canvasWidth: Int, rows: [Int], columns: [Int], seed: UInt64
    ) throws(DatasetsError) -> LabelledImages {
        let moved = try SyntheticImages.placing(
            images, canvasHeight: canvasHeight, canvasWidth: canvasWidth, rows: rows, columns: columns, seed: seed)
        return LabelledImages(unchecked: moved, labels: labels)
    }
}
