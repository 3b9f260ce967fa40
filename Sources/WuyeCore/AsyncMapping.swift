/// `map` and `flatMap` for async work, in order, one element at a time: lookups that each read the
/// database (a place per id, an account per mobile) and must not run concurrently on one connection.
extension Sequence {
    public func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(underestimatedCount)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

extension Optional {
    /// A missing id looks nothing up.
    public func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
