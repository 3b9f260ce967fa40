import Foundation
import WuyeCore

/// An iCalendar feed (RFC 5545) of a service station's activities, so residents and staff can
/// subscribe from a phone calendar. Times are written in UTC; text is escaped and lines folded at
/// 75 octets as the RFC requires.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public let uid: String
        public let title: String
        public let place: String
        public let description: String
        public let starts: Date
        public let ends: Date

        public init(uid: String, title: String, place: String, description: String, starts: Date, ends: Date) {
            self.uid = uid
            self.title = title
            self.place = place
            self.description = description
            self.starts = starts
            self.ends = ends
        }
    }

    public static func feed(name: String, events: [Event], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Wuye//Party activities//ZH", "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + escape(name)]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + utc(stamp), "DTSTART:" + utc(event.starts), "DTEND:" + utc(event.ends),
                      "SUMMARY:" + escape(event.title), "LOCATION:" + escape(event.place), "DESCRIPTION:" + escape(event.description), "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// 20261123T013000Z
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(daysSince1970: Int((Double(seconds) / 86_400).rounded(.down)))
        let time = seconds - day.daysSince1970 * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.year)\(two(day.month))\(two(day.day))T\(two(time / 3600))\(two(time % 3600 / 60))\(two(time % 60))Z"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var out = "", current = 0
        for character in line {
            let size = String(character).utf8.count
            if current + size > 75 {
                out += "\r\n "
                current = 1
            }
            out.append(character)
            current += size
        }
        return out
    }
}
