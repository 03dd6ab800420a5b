//| label: scene
//| caption: The scene, one brightness per pixel
var pixels: [Double] = []
for row in 0..<32 {
    for column in 0..<32 {
        let dy = Double(row - 10), dx = Double(column - 20)
        var value = 0.1
        if column < 8 { value = 0.6 }
        if dy * dy + dx * dx <= 36 { value = 1.0 }
        if row >= 20 && column >= 16 && (row / 4 + column / 4) % 2 == 0 { value = 0.9 }
        pixels.append(value)
    }
}
let scene = Tensor(shape: [32, 32, 1], scalars: pixels)
#show(scene)
