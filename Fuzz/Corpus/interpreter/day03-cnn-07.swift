//| label: flashlight
//| caption: Left, the kernel's window at three stops on the scene; right, the pixel each stop writes in the response
let stops = [[9, 13], [12, 6], [22, 20]]
#show(scene, windows: stops.map { [$0[0], $0[1], 3, 3] })
#show(edges, windows: stops.map { [$0[0], $0[1], 1, 1] })
