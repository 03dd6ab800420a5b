//| label: hierarchy
let x = 1
