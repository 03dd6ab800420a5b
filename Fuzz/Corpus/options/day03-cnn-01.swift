//| label: scene
//| caption: The scene, one brightness per pixel
let x = 1
