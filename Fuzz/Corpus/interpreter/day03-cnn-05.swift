//| label: too-large
//| error: "does not fit"
let tiny = Tensor.zeros([3, 3, 1])
Conv2D(filters: 1, kernel: 5)(tiny)
