public import Kernels

/// A batch of images with one class label each, as a lesson trains and tests on.
public struct LabelledImages: Sendable, Equatable {
    /// The images, [count, height, width, channels].
    public let images: Tensor
    /// The class of each image, 0 or more, in the images' order.
    public let labels: [Int]

    /// The number of images.
    public var count: Int { labels.count }

    /// Pairs `images` [count, height, width, channels] with `labels`.
    /// - Throws: `DatasetsError` when the images are not rank 4, their count differs from the
    ///   labels', or a label is negative.
    public init(images: Tensor, labels: [Int]) throws(DatasetsError) {
        guard images.rank == 4 else {
            throw DatasetsError(
                "labelled images are a tensor [count, height, width, channels], not one of shape \(images.shape)")
        }
        guard images.shape[0] == labels.count else {
            throw DatasetsError("\(images.shape[0]) images cannot have \(labels.count) labels; they need one each")
        }
        if let negative = labels.firstIndex(where: { $0 < 0 }) {
            throw DatasetsError("image \(negative) has the label \(labels[negative]); labels are classes 0, 1, 2, …")
        }
        self.images = images
        self.labels = labels
    }

    init(unchecked images: Tensor, labels: [Int]) {
        self.images = images
        self.labels = labels
    }

    /// The images at `indices`, in that order, with their labels.
    /// - Throws: `DatasetsError` when an index is outside 0..<count.
    public func subset(_ indices: [Int]) throws(DatasetsError) -> LabelledImages {
        if let outside = indices.first(where: { !(0..<count).contains($0) }) {
            throw DatasetsError("there is no image \(outside) among \(count) images (0 to \(count - 1))")
        }
        let shape = [indices.count] + images.shape.dropFirst()
        let size = images.shape.dropFirst().reduce(1, *)
        var scalars: [Float] = []
        scalars.reserveCapacity(try Tensor.checkedCount(of: shape))
        for index in indices { scalars += images.scalars[(index * size)..<((index + 1) * size)] }
        return LabelledImages(unchecked: try Tensor.checked(shape, scalars), labels: indices.map { labels[$0] })
    }

    /// A stratified, seeded split into training and test images; see `StratifiedSplit` for the
    /// algorithm. Each part keeps the dataset's order.
    /// - Throws: `DatasetsError` as `StratifiedSplit.init(labels:testFraction:seed:)` does.
    public func split(testFraction: Double, seed: UInt64) throws(DatasetsError) -> (train: LabelledImages, test: LabelledImages) {
        let split = try StratifiedSplit(labels: labels, testFraction: testFraction, seed: seed)
        return (try subset(split.train), try subset(split.test))
    }
}
