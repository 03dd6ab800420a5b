//| label: mlp
let x = 1
