//| caption: Parameter counts of the classic networks (PyTorch counting)
let x = 1
