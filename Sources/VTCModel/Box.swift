/// A value behind a reference, compared and hashed by value: for optional
/// parts of the state's many small records that are usually absent, so that
/// an absent one costs a pointer rather than its whole size.
package final class Box<Value: Hashable & Sendable>: Hashable, Sendable {
    package let value: Value

    init(_ value: Value) { self.value = value }

    package static func == (a: Box, b: Box) -> Bool { a.value == b.value }
    package func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
