import Foundation

/// JSON written by hand where the order of fields matters to a reader (Open311 documents, log lines).
public enum JSONText {
    /// A JSON string: quotes, backslashes and control characters escaped, so no value can end the
    /// string or the line early.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
