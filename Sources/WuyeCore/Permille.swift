/// A share in tenths of a percent (‰), rounded half up with integers only, so that "195 of 230" is
/// exactly 848 and prints as "84.8%" on every machine. Rates on the platform (on-time, rectification,
/// collection, coverage) are all shown this way.
public enum Permille {
    /// `part / whole` in ‰, rounded half up; nil when `whole` is zero (nothing to rate).
    public static func of(_ part: Int, _ whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return (part * 2000 + whole) / (2 * whole)
    }

    /// "84.8%"; "—" when there is nothing to rate.
    public static func text(_ permille: Int?) -> String {
        guard let permille else { return "—" }
        return "\(permille / 10).\(permille % 10)%"
    }
}
