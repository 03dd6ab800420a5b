//| label: applications
let backbone = Sequential(input: [64, 64, 3]) {
    Conv2D(filters: 16, kernel: 3, padding: .same); ReLU(); MaxPool2D(2)
    Conv2D(filters: 32, kernel: 3, padding: .same); ReLU(); MaxPool2D(2)
    Conv2D(filters: 64, kernel: 3, padding: .same); ReLU(); MaxPool2D(2)
}
// Detection: an 8×8 grid, each cell with 5 box numbers and 3 class scores.
let detector = Sequential(input: [64, 64, 3]) { backbone; Conv2D(filters: 5 + 3, kernel: 1) }
#expect(detector.outputShape(for: [64, 64, 3]) == [8, 8, 8])
// Segmentation: a class score for every pixel, so no pooling.
let segmenter = Sequential(input: [64, 64, 3]) {
    Conv2D(filters: 16, kernel: 3, padding: .same); ReLU()
    Conv2D(filters: 4, kernel: 1)
}
#expect(segmenter.outputShape(for: [64, 64, 3]) == [64, 64, 4])
