//| label: first-conv
let image = Tensor.random([32, 32, 3], seed: 7)
let conv = Conv2D(filters: 16, kernel: 3)
let maps = conv(image)
#expect(maps.shape == [30, 30, 16])
#expect(Conv2D(filters: 16, kernel: 3, padding: .same)(image).shape == [32, 32, 16])
#expect(Conv2D(filters: 16, kernel: 3, stride: 2, padding: 1)(image).shape == [16, 16, 16])
conv
