extension Dictionary {
    /// The value for `key`, inserting `value` first when the key is missing. The key is hashed and
    /// its slot found once, through `subscript(_:default:)`'s modify accessor; a look-up followed
    /// by an insert does both twice, which an import of millions of rows pays for.
    @inlinable
    public mutating func entry(_ key: Key, inserting value: @autoclosure () -> Value) -> (value: Value, inserted: Bool) {
        var inserted = false
        let found = Self.read(&self[key, default: { inserted = true; return value() }()])
        return (found, inserted)
    }

    @inlinable
    static func read(_ value: inout Value) -> Value { value }
}
