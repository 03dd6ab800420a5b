//| label: dense-not-equivariant
let x = 1
