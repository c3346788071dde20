/// A short list to choose one entry from, drawn in a box at the bottom of a
/// screen: arrows move, Enter chooses, the underlined letter of an entry chooses it, Esc cancels.
public struct PickList: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case chosen(Int)
        case cancel
    }

    public var title: String
    public let options: [String]
    public let letters: [Character?]
    /// The letter last typed that is no entry's, for the screen to say so; nil after any other key.
    public private(set) var unmatchedLetter: Character?
    public private(set) var selection: ListSelection

    public static let maximumRows = 8

    public init(title: String, options: [String]) {
        self.title = title
        self.options = options
        letters = HotLetters.assign(options)
        selection = ListSelection(count: options.count, pageHeight: PickList.maximumRows)
    }

    public mutating func handle(_ key: Key) -> Outcome? {
        unmatchedLetter = nil
        switch key {
        case .escape: return .cancel
        case .enter: return options.isEmpty ? .cancel : .chosen(selection.selected)
        case .character(let character) where character.isLetter:
            guard let index = letters.firstIndex(of: Character(character.lowercased())) else {
                unmatchedLetter = character
                return nil
            }
            return .chosen(index)
        default:
            selection.handle(key)
            return nil
        }
    }

    public var height: Int { min(options.count, PickList.maximumRows) + 2 }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let boxHeight = min(height, area.height)
        let box = Rect(x: area.x, y: area.y + area.height - boxHeight, width: area.width, height: boxHeight)
        buffer.fill(box)
        let inside = buffer.box(box, title: title, style: .role(.accent))
        for (offset, index) in selection.visibleRows(height: inside.height).enumerated() {
            let style: Style = index == selection.selected ? .reverse : .plain
            HotLetters.put(options[index], letter: letters[index], x: inside.x, y: inside.y + offset, width: inside.width,
                           style: style, into: &buffer)
        }
    }
}
