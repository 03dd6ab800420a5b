//| label: output-size
let x = 1
