import Kernels

/// `relu` on a variable; the gradient passes where the input is above 0.
public func relu(_ x: Variable) throws -> Variable {
    let input = x.value
    return try Variable.result(relu(input), of: "relu", [x]) { dy, _ in [try reluGradient(dy, input: input)] }
}

/// `relu6` on a variable; the gradient passes where the input is strictly between 0 and 6.
public func relu6(_ x: Variable) throws -> Variable {
    let input = x.value
    return try Variable.result(relu6(input), of: "relu6", [x]) { dy, _ in [try relu6Gradient(dy, input: input)] }
}

/// `leakyReLU` on a variable; the gradient is `slope` times smaller at and below 0.
public func leakyReLU(_ x: Variable, slope: Float = 0.3) throws -> Variable {
    let input = x.value
    return try Variable.result(leakyReLU(input, slope: slope), of: "leakyReLU", [x]) { dy, _ in
        [try leakyReLUGradient(dy, input: input, slope: slope)]
    }
}

/// `sigmoid` on a variable.
public func sigmoid(_ x: Variable) throws -> Variable {
    let output = sigmoid(x.value)
    return try Variable.result(output, of: "sigmoid", [x]) { dy, _ in [try sigmoidGradient(dy, output: output)] }
}

/// `tanh` on a variable.
public func tanh(_ x: Variable) throws -> Variable {
    let output = tanh(x.value)
    return try Variable.result(output, of: "tanh", [x]) { dy, _ in [try tanhGradient(dy, output: output)] }
}

/// `softmax` along the last axis on a variable.
/// - Throws: what `softmax` throws.
public func softmax(_ x: Variable) throws -> Variable {
    let output = try softmax(x.value)
    return try Variable.result(output, of: "softmax", [x]) { dy, _ in [try softmaxGradient(dy, output: output)] }
}
