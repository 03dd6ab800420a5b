//| label: pooling-shift
let x = 1
