/// The meaning of a colour, not the colour itself: the terminal layer picks
/// real colours, or attributes when the terminal has none or `NO_COLOR` is set.
public enum ColorRole: UInt8, Equatable, Hashable, Sendable, CaseIterable {
    case normal
    case accent
    case success
    case warning
    case danger
    case muted
}

/// How a cell is drawn.
public struct Style: Equatable, Hashable, Sendable {
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    public var color: ColorRole

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false, color: ColorRole = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)
    public static let dim = Style(dim: true)

    public static func role(_ color: ColorRole) -> Style { Style(color: color) }

    public func with(color: ColorRole) -> Style {
        var copy = self
        copy.color = color
        return copy
    }

    /// The same style for a terminal without colours: each role becomes an
    /// attribute so that warnings and dangers still stand out.
    public var monochrome: Style {
        var copy = self
        switch color {
        case .normal, .success: break
        case .accent, .warning: copy.bold = true
        case .danger:
            copy.bold = true
            copy.underline = true
        case .muted: copy.dim = true
        }
        copy.color = .normal
        return copy
    }
}
