//| label: resnet18
//| warning: false
let x = 1
