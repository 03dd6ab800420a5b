//| label: classifier
let x = 1
