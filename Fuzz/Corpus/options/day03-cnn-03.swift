//| label: first-conv
let x = 1
