import Registry
import WuyeCore

/// A year's holidays and 调休 days as a clerk types them from the State Council's notice: one day per
/// row, `day,working,note` or 日期,类型,说明, working being yes/no or 上班/放假. Read whole before
/// anything is written, so every bad row can be named.
public enum CalendarFile {
    static let columns: [(key: String, label: String)] = [("day", "日期"), ("working", "类型"), ("note", "说明")]

    /// The days of the file, or every problem in it as `line N: column: reason`.
    public static func read(_ reader: CSVReader) throws -> (days: [CaseSettings.CalendarDay], problems: [String]) {
        guard let header = try reader.next() else { return ([], ["line 1: the file is empty"]) }
        let positions = columns.map { column in
            header.fields.firstIndex { $0.trimmedWhitespace == column.key || $0.trimmedWhitespace == column.label }
        }
        let missing = zip(columns, positions).filter { $0.1 == nil }.map(\.0.key)
        guard missing.isEmpty else { return ([], ["line \(header.line): missing columns \(missing.joined(separator: ", "))"]) }
        var days: [CaseSettings.CalendarDay] = [], problems: [String] = [], seen: Set<CivilDate> = []
        while let record = try reader.next() {
            func field(_ index: Int) -> String { positions[index].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? "" }
            let working: Bool
            switch field(1).trimmedWhitespace {
            case "yes", "上班", "调休上班": working = true
            case "no", "放假": working = false
            default:
                problems.append("line \(record.line): working: \"\(field(1))\" is not yes/no (上班/放假)")
                continue
            }
            do {
                let day = try CaseSettings.CalendarDay(day: field(0), working: working, note: field(2))
                guard seen.insert(day.day).inserted else {
                    problems.append("line \(record.line): day: \(day.day.text) appears twice")
                    continue
                }
                days.append(day)
            } catch {
                problems.append("line \(record.line): \(error.field ?? "day"): \(error.english)")
            }
        }
        return (days, problems)
    }
}
