//| label: vgg16
let x = 1
