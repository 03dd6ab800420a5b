//| label: stride-warning
let strided = Conv2D(filters: 4, kernel: 3, stride: 2)(image)
#expect(strided.shape == [15, 15, 4])
