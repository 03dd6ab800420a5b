import Datasets
import Kernels
import Testing

@Suite struct LabelledImagesTests {
    /// Three 1×2 images whose pixels say which image they are.
    static func three() throws -> LabelledImages {
        try LabelledImages(images: Tensor(shape: [3, 1, 2, 1], scalars: [0, 0.5, 1, 1.5, 2, 2.5]), labels: [2, 0, 1])
    }

    @Test func aSubsetTakesImagesAndLabelsInTheOrderAsked() throws {
        let subset = try Self.three().subset([2, 0, 2])
        #expect(subset.images == (try Tensor(shape: [3, 1, 2, 1], scalars: [2, 2.5, 0, 0.5, 2, 2.5])))
        #expect(subset.labels == [1, 2, 1])
        #expect(try Self.three().subset([]).images.shape == [0, 1, 2, 1])
    }

    @Test func splittingKeepsEachImageWithItsLabel() throws {
        let digits = try Digits.load()
        let (train, test) = try digits.split(testFraction: 0.2, seed: 0)
        let split = try StratifiedSplit(labels: digits.labels, testFraction: 0.2, seed: 0)
        #expect(train == (try digits.subset(split.train)))
        #expect(test == (try digits.subset(split.test)))
        #expect(test.images.shape == [359, 8, 8, 1])
        // Image 5 of the test part is the dataset's image split.test[5], pixel for pixel.
        let index = split.test[5]
        #expect(Array(test.images.scalars[(5 * 64)..<(6 * 64)]) == Array(digits.images.scalars[(index * 64)..<((index + 1) * 64)]))
        #expect(test.labels[5] == digits.labels[index])
    }

    @Test func mistakesAreErrors() throws {
        #expect(throws: DatasetsError("labelled images are a tensor [count, height, width, channels], not one of shape [3, 2]")) {
            try LabelledImages(images: Tensor.zeros([3, 2]), labels: [0, 1, 2])
        }
        #expect(throws: DatasetsError("3 images cannot have 2 labels; they need one each")) {
            try LabelledImages(images: Tensor.zeros([3, 2, 2, 1]), labels: [0, 1])
        }
        #expect(throws: DatasetsError("image 1 has the label -1; labels are classes 0, 1, 2, …")) {
            try LabelledImages(images: Tensor.zeros([2, 2, 2, 1]), labels: [0, -1])
        }
        #expect(throws: DatasetsError("there is no image 3 among 3 images (0 to 2)")) { try Self.three().subset([0, 3]) }
        #expect(throws: DatasetsError("a tensor of shape [1800000, 8, 8, 1] has 115200000 elements; the limit is 16777216")) {
            try Digits.load().subset([Int](repeating: 0, count: 1_800_000))
        }
    }
}
