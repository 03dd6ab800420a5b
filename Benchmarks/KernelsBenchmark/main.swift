import Kernels

print("kernels benchmark: not written yet")
