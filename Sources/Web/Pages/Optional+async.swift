extension Optional where Wrapped: Sendable {
    /// `flatMap` for an async lookup: a missing id looks nothing up.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
