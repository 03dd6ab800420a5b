//| label: one-pixel
let x = 1
