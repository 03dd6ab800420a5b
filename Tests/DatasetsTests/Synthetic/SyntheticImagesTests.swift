import Datasets
import Kernels
import Testing

@Suite struct SyntheticImagesTests {
    /// A picture drawn as text: `#` is ink 1, `.` is 0; rows separated by spaces.
    static func picture(_ text: String) -> [Float] {
        text.split(separator: " ").joined().map { $0 == "#" ? 1 : 0 }
    }

    @Test(arguments: [
        (ShapeKind.horizontalBar, 5, ".......  .......  .......  .......  .#####.  .......  ......."),
        (.verticalBar, 5, ".......  .......  ...#...  ...#...  ...#...  ...#...  ...#..."),
        (.cross, 5, ".......  .......  ...#...  ...#...  .#####.  ...#...  ...#..."),
        (.disc, 5, ".......  .......  ..###..  .#####.  .#####.  .#####.  ..###.."),
        (.horizontalBar, 4, ".......  .......  .......  .####..  .####..  .......  ......."),
        (.cross, 4, ".......  .......  ..##...  .####..  .####..  ..##...  ......."),
        (.disc, 4, ".......  .......  ..##...  .####..  .####..  ..##...  ......."),
        (.disc, 6, "..####.  .######  .######  .######  .######  ..####.  ......."),
    ])
    func aShapeIsDrawnWhereAsked(_ kind: ShapeKind, _ size: Int, _ expected: String) throws {
        let row = size == 6 ? 0 : 2
        let image = try SyntheticImages.shape(kind, size: size, row: row, column: 1, canvasHeight: 7, canvasWidth: 7)
        #expect(image.shape == [7, 7, 1])
        #expect(image.scalars == Self.picture(expected), "\(kind) \(size)")
    }

    /// An 8×8 disc: the pixels whose centres are within 4 of the box's centre.
    @Test func aLargerDiscIsRound() throws {
        let image = try SyntheticImages.shape(.disc, size: 8, row: 0, column: 0, canvasHeight: 8, canvasWidth: 8)
        #expect(image.scalars == Self.picture(
            "..####.. .######. ######## ######## ######## ######## .######. ..####.."))
    }

    @Test func aSetIsBalancedLabelledAndSeeded() throws {
        let set = try SyntheticImages.shapes(count: 10, size: 3, canvasHeight: 6, canvasWidth: 9,
                                             rows: [0, 3], columns: [0, 2, 4, 6], seed: 5)
        #expect(set.images.shape == [10, 6, 9, 1])
        #expect(set.labels == [0, 1, 2, 3, 0, 1, 2, 3, 0, 1])
        #expect(set == (try SyntheticImages.shapes(count: 10, size: 3, canvasHeight: 6, canvasWidth: 9,
                                                    rows: [0, 3], columns: [0, 2, 4, 6], seed: 5)))
        #expect(set != (try SyntheticImages.shapes(count: 10, size: 3, canvasHeight: 6, canvasWidth: 9,
                                                    rows: [0, 3], columns: [0, 2, 4, 6], seed: 6)))
        // Each image is its shape drawn alone at one of the allowed places.
        let kinds = ShapeKind.allCases
        var places = Set<[Int]>()
        for i in 0..<10 {
            let image = Array(set.images.scalars[(i * 54)..<((i + 1) * 54)])
            let matches = try [0, 3].flatMap { row in try [0, 2, 4, 6].compactMap { column in
                try SyntheticImages.shape(kinds[set.labels[i]], size: 3, row: row, column: column, canvasHeight: 6, canvasWidth: 9)
                    .scalars == image ? [row, column] : nil
            } }
            #expect(matches.count == 1, "image \(i)")
            places.formUnion(matches)
        }
        #expect(places.count > 3, "the seed spreads the shapes over the places")
    }

    /// Shapes and placed images land where the documented rule, run in Python, puts them.
    @Test(arguments: Fixtures.manifest.draws)
    func placesFollowTheDocumentedDraws(_ fixture: Manifest.Draws) throws {
        let seed = UInt64(fixture.seed)!
        let (height, width) = (fixture.rows.max()! + 3, fixture.columns.max()! + 3)
        let set = try SyntheticImages.shapes(count: fixture.places.count, size: 3, canvasHeight: height, canvasWidth: width,
                                             rows: fixture.rows, columns: fixture.columns, seed: seed)
        let digits = try Digits.load().subset(Array(0..<fixture.places.count))
        let placed = try digits.placed(canvasHeight: height + 5, canvasWidth: width + 5, rows: fixture.rows, columns: fixture.columns, seed: seed)
        for (i, place) in fixture.places.enumerated() {
            let shape = try SyntheticImages.shape(ShapeKind.allCases[set.labels[i]], size: 3, row: place[0], column: place[1],
                                                  canvasHeight: height, canvasWidth: width)
            #expect(Array(set.images.scalars[(i * height * width)..<((i + 1) * height * width)]) == shape.scalars, "shape \(i)")
            let digit = try SyntheticImages.placing(digits.subset([i]).images, canvasHeight: height + 5, canvasWidth: width + 5,
                                                    row: place[0], column: place[1])
            let size = (height + 5) * (width + 5)
            #expect(Array(placed.images.scalars[(i * size)..<((i + 1) * size)]) == digit.scalars, "digit \(i)")
        }
    }

    @Test func kindsCanBeChosenAndTheirOrderIsTheLabel() throws {
        let set = try SyntheticImages.shapes([.disc, .horizontalBar], count: 4, size: 3, canvasHeight: 3, canvasWidth: 3,
                                             rows: [0], columns: [0], seed: 0)
        #expect(set.labels == [0, 1, 0, 1])
        #expect(Array(set.images.scalars[..<9]) == Self.picture("### ### ###"))
        #expect(Array(set.images.scalars[9..<18]) == Self.picture("... ### ..."))
    }

    /// The lesson's set-up: digits at columns 0–4 of a 16×16 canvas to train, 6–8 to test.
    @Test func digitsArePlacedAtTheColumnsAsked() throws {
        let digits = try Digits.load().subset(Array(0..<50))
        let train = try digits.placed(canvasHeight: 16, canvasWidth: 16, rows: [4], columns: Array(0...4), seed: 1)
        let test = try digits.placed(canvasHeight: 16, canvasWidth: 16, rows: [4], columns: [6, 7, 8], seed: 2)
        #expect(train.images.shape == [50, 16, 16, 1] && train.labels == digits.labels)
        var columnsSeen = Set<Int>()
        for (placed, columns) in [(train, Array(0...4)), (test, [6, 7, 8])] {
            for i in 0..<50 {
                let found = try columns.filter { column in
                    try SyntheticImages.placing(digits.subset([i]).images, canvasHeight: 16, canvasWidth: 16, row: 4, column: column)
                        .scalars == Array(placed.images.scalars[(i * 256)..<((i + 1) * 256)])
                }
                #expect(found.count == 1, "image \(i)")
                columnsSeen.formUnion(found)
            }
        }
        #expect(columnsSeen == Set([0, 1, 2, 3, 4, 6, 7, 8]))
    }

    @Test func placingCopiesEveryChannelToTheOffset() throws {
        let images = try Tensor(shape: [1, 2, 2, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
        let placed = try SyntheticImages.placing(images, canvasHeight: 3, canvasWidth: 4, row: 1, column: 2)
        #expect(placed.shape == [1, 3, 4, 2])
        #expect(placed.scalars == [0, 0, 0, 0, 0, 0, 0, 0,
                                   0, 0, 0, 0, 1, 2, 3, 4,
                                   0, 0, 0, 0, 5, 6, 7, 8])
    }

    @Test func mistakesAreErrorsInTheLessonsTerms() throws {
        let digits = try Digits.load().subset([0, 1])
        #expect(throws: DatasetsError("a 8×8 image at column 10 does not fit a canvas 16 wide: 10 + 8 = 18 > 16")) {
            try digits.placed(canvasHeight: 16, canvasWidth: 16, rows: [0], columns: [0, 10], seed: 0)
        }
        #expect(throws: DatasetsError("a 8×8 image cannot start at row -1; positions start at 0")) {
            try digits.placed(canvasHeight: 16, canvasWidth: 16, rows: [-1], columns: [0], seed: 0)
        }
        #expect(throws: DatasetsError("there are no columns to place a 8×8 image at")) {
            try digits.placed(canvasHeight: 16, canvasWidth: 16, rows: [0], columns: [], seed: 0)
        }
        #expect(throws: DatasetsError("images to place are a tensor [count, height, width, channels], not one of shape [8, 8]")) {
            try SyntheticImages.placing(Tensor.zeros([8, 8]), canvasHeight: 16, canvasWidth: 16, row: 0, column: 0)
        }
        #expect(throws: DatasetsError("a 3×3 disc at row 5 does not fit a canvas 6 tall: 5 + 3 = 8 > 6")) {
            try SyntheticImages.shape(.disc, size: 3, row: 5, column: 0, canvasHeight: 6, canvasWidth: 6)
        }
        #expect(throws: DatasetsError("a shape's size must be at least 1 pixel, not 0")) {
            try SyntheticImages.shape(.cross, size: 0, row: 0, column: 0, canvasHeight: 6, canvasWidth: 6)
        }
        #expect(throws: DatasetsError("a set of shapes needs at least 1 image, not 0")) {
            try SyntheticImages.shapes(count: 0, size: 3, canvasHeight: 6, canvasWidth: 6, rows: [0], columns: [0], seed: 0)
        }
        #expect(throws: DatasetsError("a set of shapes needs at least one kind of shape")) {
            try SyntheticImages.shapes([], count: 1, size: 3, canvasHeight: 6, canvasWidth: 6, rows: [0], columns: [0], seed: 0)
        }
        #expect(throws: DatasetsError("'disc' appears twice in the kinds; each kind is one class")) {
            try SyntheticImages.shapes([.disc, .cross, .disc], count: 1, size: 3, canvasHeight: 6, canvasWidth: 6, rows: [0], columns: [0], seed: 0)
        }
        #expect(throws: DatasetsError("a tensor of shape [100000, 64, 64, 1] has 409600000 elements; the limit is 16777216")) {
            try SyntheticImages.shapes(count: 100_000, size: 3, canvasHeight: 64, canvasWidth: 64, rows: [0], columns: [0], seed: 0)
        }
        #expect(throws: DatasetsError("a tensor's shape cannot have a negative size: [-6, 6, 1]")) {
            try SyntheticImages.shape(.disc, size: 3, row: 0, column: 0, canvasHeight: -6, canvasWidth: 6)
        }
    }
}
