internal import Kernels
internal import Layers

extension Interpreter {
    /// The properties of layers: parameter counts, weights, settings, a model's layers.
    func layerProperty(_ name: String, of layer: any Layer) throws -> Value? {
        switch name {
        case "parameterCount": return .int(try layer.parameterCount)
        case "trainableParameterCount": return .int(try layer.trainableParameterCount)
        case "nonTrainableParameterCount": return .int(try layer.nonTrainableParameterCount)
        case "receptiveField": return Self.record(try layer.receptiveField)
        case "kind": return .string(layer.kind)
        case "weights", "bias", "gamma", "beta", "runningMean", "runningVariance":
            guard let tensor = try Self.parameter(name, of: layer) else { return nil }
            return try tensorValue(tensor, at: .none)
        default: break
        }
        switch (layer, name) {
        case (let model as Sequential, "layers"): return .array(model.layers.map { .layer($0) })
        case (let model as Sequential, "input"): return model.input.map { .array($0.map { .int($0) }) }
        case (let block as Residual, "main"): return .layer(block.main)
        case (let block as Residual, "shortcut"): return block.shortcut.map { .layer($0) }
        case (let block as Concat, "branches"): return .array(block.branches.map { .layer($0) })
        case (let conv as Conv2D, "filters"): return .int(conv.filters)
        case (let conv as Conv2D, "stride"):
            return conv.stride.height == conv.stride.width ? .int(conv.stride.height)
                : .array([.int(conv.stride.height), .int(conv.stride.width)])
        case (let conv as Conv2D, "kernelSize"): return .array([.int(conv.kernelHeight), .int(conv.kernelWidth)])
        case (let dense as Dense, "units"): return .int(dense.units)
        default: return nil
        }
    }

    /// A weight tensor of a layer by its member name, or nil when the layer has no such member.
    private static func parameter(_ name: String, of layer: any Layer) throws -> Tensor? {
        switch (layer, name) {
        case (let conv as Conv2D, "weights"): try conv.weights
        case (let conv as Conv2D, "bias"): try conv.bias
        case (let conv as DepthwiseConv2D, "weights"): try conv.weights
        case (let conv as DepthwiseConv2D, "bias"): try conv.bias
        case (let dense as Dense, "weights"): try dense.weights
        case (let dense as Dense, "bias"): try dense.bias
        case (let norm as BatchNorm, "gamma"): try norm.gamma
        case (let norm as BatchNorm, "beta"): try norm.beta
        case (let norm as BatchNorm, "runningMean"): try norm.runningMean
        case (let norm as BatchNorm, "runningVariance"): try norm.runningVariance
        default: nil
        }
    }

    /// `layer.weights = k` and the other settable weights; the layer checks the shape.
    func setMember(_ name: String, of object: Value, to value: Value, at span: Span, valueSpan: Span) throws {
        guard case .layer(let layer) = object else {
            if (try? member(name, of: object, at: span)) != nil {
                throw CellsError("cannot assign to property: '\(name)' is a get-only property", at: span)
            }
            throw CellsError("value of type '\(object.typeName)' has no member '\(name)'", at: span)
        }
        let settable: ((Tensor) throws -> Void)? = switch (layer, name) {
        case (let conv as Conv2D, "weights"): conv.setWeights
        case (let conv as Conv2D, "bias"): conv.setBias
        case (let conv as DepthwiseConv2D, "weights"): conv.setWeights
        case (let conv as DepthwiseConv2D, "bias"): conv.setBias
        case (let dense as Dense, "weights"): dense.setWeights
        case (let dense as Dense, "bias"): dense.setBias
        case (let norm as BatchNorm, "gamma"): norm.setGamma
        case (let norm as BatchNorm, "beta"): norm.setBeta
        case (let norm as BatchNorm, "runningMean"): norm.setRunningMean
        case (let norm as BatchNorm, "runningVariance"): norm.setRunningVariance
        default: nil
        }
        guard let settable else {
            if try layerProperty(name, of: layer) != nil {
                throw CellsError("cannot assign to property: '\(name)' is a get-only property", at: span)
            }
            throw CellsError("value of type '\(layer.kind)' has no member '\(name)'", at: span)
        }
        guard case .tensor(let box) = value else {
            throw CellsError("cannot assign value of type '\(value.typeName)' to type 'Tensor'", at: valueSpan)
        }
        do {
            try settable(box.tensor)
        } catch {
            throw CellsError(Self.message(of: error), at: valueSpan)
        }
    }

    /// `layer(x)` and `norm(x, training: true)`: applies a layer, its shape warnings as warning outputs.
    func callLayerValue(_ callee: Value, _ arguments: [EvaluatedArgument], at span: Span) throws -> Value? {
        guard case .layer(let layer) = callee else { return nil }
        let builtin = layer is BatchNorm ? Self.batchNormCall : Self.layerCall
        let (form, values, _) = try builtin.bind(arguments, trailingClosure: nil, call: span)
        _ = form
        guard case .tensor(let box) = values[0] else { preconditionFailure("a layer's input is not a tensor") }
        do {
            let training = if layer is BatchNorm, case .bool(true) = values.count > 1 ? values[1] : nil { true } else { false }
            if let result = try tracedLayerCall(layer, box, training: training, at: span) { return result }
            if let norm = layer as? BatchNorm, training {
                return try tensorValue(try norm(box.tensor, training: true), at: span)
            }
            let (output, warnings) = try layer.callWithWarnings(box.tensor)
            for warning in warnings { warn(warning, at: span) }
            return try tensorValue(output, at: span)
        } catch let error as CellsError {
            throw error
        } catch {
            throw CellsError(Self.message(of: error), at: span)
        }
    }

    private static let layerCall = Builtin("callAsFunction", [.required(nil, .tensor)]) { _ in .void }
    private static let batchNormCall = Builtin("callAsFunction", [.required(nil, .tensor),
                                                                 .optional("training", .bool, default: .bool(false))]) { _ in .void }

    /// A receptive field as a record: `field.height`, `field.width`, `field.jump`, `field.size`.
    static func record(_ field: ReceptiveField) -> Value {
        .record(Record("ReceptiveField", fields: [
            "height": .int(field.height), "width": .int(field.width), "jump": .int(field.jump), "jumpHeight": .int(field.jumpHeight), "jumpWidth": .int(field.jumpWidth), "size": .int(field.size),
        ], text: field.description))
    }

    /// Whether a value is of the layer type `name` (`Layer`, `Conv2D`, `Sequential`) or is a
    /// tensor for `Tensor`; nil when `name` is no such type.
    func conformsToBuiltinType(_ value: Value, _ name: String) throws -> Bool? {
        switch name {
        case "Tensor":
            if case .tensor = value { return true }
            return false
        case "Layer":
            if case .layer = value { return true }
            return false
        default:
            guard case .type = Builtins.global(name), Builtins.layerTypes.contains(where: { $0.name == name }) else {
                return nil
            }
            if case .layer(let layer) = value { return layer.kind == name }
            return false
        }
    }

    /// Whether two values are both layers, which a `var` of a layer may exchange.
    func layerKinds(_ a: Value, _ b: Value) -> Bool {
        if case .layer = a, case .layer = b { return true }
        if case .tensor = a, case .tensor = b { return true }
        return false
    }
}
