//| label: batch-norm
let x = 1
