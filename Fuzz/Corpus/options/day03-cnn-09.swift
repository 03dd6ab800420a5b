//| label: sharing
let x = 1
