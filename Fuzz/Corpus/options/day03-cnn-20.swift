//| label: applications
let x = 1
