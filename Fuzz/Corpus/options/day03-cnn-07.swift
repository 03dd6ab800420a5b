//| label: flashlight
//| caption: Left, the kernel's window at three stops on the scene; right, the pixel each stop writes in the response
let x = 1
