//| label: collapse
let x = 1
