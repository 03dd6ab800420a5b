//| label: sparse
let k3 = Tensor.random([3, 3, 1, 1], seed: 3)
var bumped = pixels
bumped[16 * 32 + 16] += 1.0      // one pixel, row 16, column 16
let before = conv2d(scene, k3)
let after = conv2d(Tensor(shape: [32, 32, 1], scalars: bumped), k3)
var changed = 0
for row in 0..<30 {
    for column in 0..<30 where after[row, column, 0] != before[row, column, 0] {
        changed += 1
    }
}
#expect(changed == 9)
