//| label: pooling
let x = 1
