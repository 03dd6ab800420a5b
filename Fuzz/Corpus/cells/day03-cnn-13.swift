//| label: pooling-shift
var spot = Array(repeating: 0.0, count: 64)
spot[2 * 8 + 2] = 1
let here = Tensor(shape: [8, 8, 1], scalars: spot)
let nextDoor = here.shifted(by: [0, 1])
#expect(!isClose(here, nextDoor, tolerance: 0))
#expect(isClose(maxPool2d(here, size: 2), maxPool2d(nextDoor, size: 2), tolerance: 0))
// Across a window's border the pooled output does move: invariance only to small shifts.
#expect(!isClose(maxPool2d(nextDoor, size: 2), maxPool2d(nextDoor.shifted(by: [0, 1]), size: 2), tolerance: 0))
