/// The parameters of a built-in function, initialiser or method, as a call must match them.
struct Signature: Sendable {
    /// One parameter: its label (nil for `_`), what it accepts, and its default.
    struct Parameter: Sendable {
        /// The argument label, or nil for an unlabelled parameter.
        var label: String?
        /// What it accepts.
        var type: ParameterType
        /// Whether a call may leave it out (it then gets `defaultValue`, or nil).
        var isOptional: Bool
        /// The value it takes when left out, or nil for "none" (an absent bias, an unseeded layer).
        var defaultValue: Constant?

        /// A required parameter.
        static func required(_ label: String?, _ type: ParameterType) -> Parameter {
            Parameter(label: label, type: type, isOptional: false, defaultValue: nil)
        }

        /// A parameter a call may leave out; it then takes `defaultValue` (nil: no value).
        static func optional(_ label: String?, _ type: ParameterType, default defaultValue: Constant? = nil)
            -> Parameter {
            Parameter(label: label, type: type, isOptional: true, defaultValue: defaultValue)
        }
    }

    /// The parameters in order.
    var parameters: [Parameter]

    init(_ parameters: [Parameter]) {
        self.parameters = parameters
    }

    /// Swift's name for a function with these parameters: `Conv2D(filters:kernel:stride:)`.
    func spelled(_ name: String) -> String {
        "\(name)(" + parameters.map { "\($0.label ?? "_"):" }.joined() + ")"
    }
}
