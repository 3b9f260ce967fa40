/// How people expect building, unit and home numbers sorted: "2" before "10", numbers
/// before names like "A座".
public enum RegistryOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): x < y
        case (_?, nil): true
        case (nil, _?): false
        case (nil, nil): a < b
        }
    }
}
