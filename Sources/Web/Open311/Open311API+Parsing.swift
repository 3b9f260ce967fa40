import Foundation
import HTTPTypes
import Hummingbird
import Storage
import WuyeCore

/// Reading GeoReport's parameters: comma lists, W3C datetimes and the 90-day window, names.
extension Open311API {
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `start_date` and `end_date`: by default the most recent 90 days; never more than 90 days.
    static func window(start: String, end: String, now: Date) throws -> (Date, Date) {
        let startDate = try start.isEmpty ? nil : w3c(start, "start_date")
        let endDate = try end.isEmpty ? nil : w3c(end, "end_date")
        let to = endDate ?? startDate.map { $0.addingTimeInterval(Open311Requests.maxSpan) } ?? now
        let from = startDate ?? to.addingTimeInterval(-Open311Requests.maxSpan)
        guard from <= to else { throw Open311Failure(.badRequest, "start_date is after end_date") }
        guard to.timeIntervalSince(from) <= Open311Requests.maxSpan else {
            throw Open311Failure(.badRequest, "start_date to end_date may not span more than 90 days")
        }
        return (from, to)
    }

    /// A W3C datetime ("2010-01-01T00:00:00Z", with an offset or fractional seconds) or a date,
    /// which is midnight in Beijing.
    static func w3c(_ text: String, _ field: String) throws -> Date {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        if let day = CivilDate(text: text) { return day.startInChina }
        throw Open311Failure(.badRequest, "\(field) must be a W3C datetime such as 2026-11-01T00:00:00+08:00")
    }

    /// The reporter's name from `first_name` and `last_name`: family name first for Chinese names.
    static func personName(first: String, last: String) -> String? {
        let parts = [first, last].filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        let chinese = parts.contains { $0.unicodeScalars.contains { $0.value > 0x2E7F } }
        return chinese ? last + first : parts.joined(separator: " ")
    }

    /// The address clients reach this server by, for discovery's endpoint URL.
    static func baseURL(of request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
