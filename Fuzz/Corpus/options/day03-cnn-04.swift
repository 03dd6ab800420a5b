//| label: stride-warning
let x = 1
